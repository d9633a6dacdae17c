/**
 * Data Machine integration (issue 10): links into its admin, and running a
 * flow again through its own API.
 */
import './style.scss';

export { DataMachineLink } from './components/data-machine-link';
export { JobActions } from './components/job-actions';
export { RunFlowButton } from './components/run-flow-button';
export { PipelineFlowLinks } from './components/pipeline-flow-links';
export { OpenInDataMachine } from './components/open-in-data-machine';
