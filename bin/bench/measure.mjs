/**
 * Measures REST response times of the Jobs API against a running site, as a logged-in admin
 * (cookie + REST nonce, like the Jobs screen). Prints a table and writes JSON.
 *
 * Usage: node bin/bench/measure.mjs --url=http://127.0.0.1:8897 --reps=30 --out=file.json [--rows=N]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';

const args = Object.fromEntries(
	process.argv.slice( 2 ).map( ( arg ) => {
		const [ key, ...value ] = arg.replace( /^--/, '' ).split( '=' );
		return [ key, value.join( '=' ) ];
	} )
);
const baseUrl = args.url ?? 'http://127.0.0.1:8897';
const reps = Number( args.reps ?? 30 );
const extra = args.extra ? JSON.parse( args.extra ) : [];

const cookies = new Map();
function remember( response ) {
	for ( const line of response.headers.getSetCookie() ) {
		const [ pair ] = line.split( ';' );
		const [ name, ...value ] = pair.split( '=' );
		cookies.set( name.trim(), value.join( '=' ) );
	}
}
const cookieHeader = () =>
	[ ...cookies ]
		.map( ( [ name, value ] ) => `${ name }=${ value }` )
		.join( '; ' );

async function login() {
	remember(
		await fetch( `${ baseUrl }/wp-login.php`, { redirect: 'manual' } )
	);
	const body = new URLSearchParams( {
		log: 'admin',
		pwd: 'password',
		'wp-submit': 'Log In',
		testcookie: '1',
	} );
	cookies.set( 'wordpress_test_cookie', 'WP%20Cookie%20check' );
	const response = await fetch( `${ baseUrl }/wp-login.php`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { cookie: cookieHeader() },
	} );
	remember( response );
	if (
		! [ ...cookies.keys() ].some( ( name ) =>
			name.startsWith( 'wordpress_logged_in' )
		)
	) {
		throw new Error( `login failed (HTTP ${ response.status })` );
	}
	const nonce = await fetch(
		`${ baseUrl }/wp-admin/admin-ajax.php?action=rest-nonce`,
		{
			headers: { cookie: cookieHeader() },
		}
	);
	return ( await nonce.text() ).trim();
}

let nonce = '';
async function get( path ) {
	const started = performance.now();
	const response = await fetch( `${ baseUrl }/wp-json${ path }`, {
		headers: { cookie: cookieHeader(), 'X-WP-Nonce': nonce },
	} );
	const body = await response.arrayBuffer();
	const ms = performance.now() - started;
	if ( response.status >= 400 ) {
		throw new Error(
			`${ path }: HTTP ${ response.status } ${ Buffer.from( body ).toString().slice( 0, 300 ) }`
		);
	}
	return {
		ms,
		bytes: body.byteLength,
		headers: response.headers,
		json: () => JSON.parse( Buffer.from( body ).toString() ),
	};
}

function quantile( sorted, q ) {
	const index = Math.min(
		sorted.length - 1,
		Math.ceil( q * sorted.length ) - 1
	);
	return sorted[ Math.max( 0, index ) ];
}

/**
 * Measures every variant in rounds (one request per variant per round), so that load from elsewhere on a
 * shared machine falls on all variants alike and the ratios stay meaningful.
 * @param variants
 */
async function measureAll( variants ) {
	const samples = variants.map( () => [] );
	const results = variants.map( ( [ name, path ] ) => ( { name, path } ) );
	for ( const [ index, [ , path ] ] of variants.entries() ) {
		try {
			// The very first answer too: in the stale phase it may include catching up.
			results[ index ].first = ( await get( path ) ).ms;
			await get( path );
		} catch ( error ) {
			results[ index ].error = String( error.message ?? error );
		}
	}
	for ( let round = 0; round < reps; round++ ) {
		for ( const [ index, [ , path ] ] of variants.entries() ) {
			if ( results[ index ].error ) {
				continue;
			}
			const answer = await get( path );
			samples[ index ].push( answer.ms );
			results[ index ].bytes = answer.bytes;
			results[ index ].total = answer.headers.get( 'x-wp-total' );
		}
	}
	return results.map( ( row, index ) => {
		if ( row.error ) {
			return row;
		}
		const sorted = samples[ index ].sort( ( a, b ) => a - b );
		return {
			...row,
			median: quantile( sorted, 0.5 ),
			p95: quantile( sorted, 0.95 ),
		};
	} );
}

nonce = await login();
const ns = '/dm-jobs/v1';
const pipelines = ( await get( `${ ns }/pipelines` ) ).json();
const flows = (
	await get( `${ ns }/flows?pipeline_id=${ pipelines[ 0 ].id }` )
).json();
const newest = ( await get( `${ ns }/jobs?per_page=1` ) ).json()[ 0 ];
/**
 * The number of jobs, exact when the server gets there within a few requests: right after direct
 * inserts the first answers estimate it (each request repairs a bounded slice of the counts), and a
 * last page computed from an estimate may lie past the end.
 */
async function jobsTotal() {
	let headers;
	for ( let attempt = 0; attempt < 10; attempt++ ) {
		headers = ( await get( `${ ns }/jobs?per_page=1` ) ).headers;
		if ( headers.get( 'x-dm-jobs-total-exact' ) !== '0' ) {
			break;
		}
	}
	return {
		count: Number( headers.get( 'x-wp-total' ) ),
		exact: headers.get( 'x-dm-jobs-total-exact' ) !== '0',
	};
}
const { count: total, exact: totalExact } = await jobsTotal();
const middle = (
	await get(
		`${ ns }/jobs?per_page=1&page=${ Math.max( 1, Math.floor( total / 2 ) ) }`
	)
).json()[ 0 ];
const middleId = middle ? middle.id : newest.id;
const monthAgo = new Date( Date.now() - 30 * 86400e3 )
	.toISOString()
	.replace( /\.\d+Z$/, 'Z' );
const weekAgo = new Date( Date.now() - 7 * 86400e3 )
	.toISOString()
	.replace( /\.\d+Z$/, 'Z' );
const lastPage = Math.max( 1, Math.ceil( total / 50 ) );

const variants = [
	[ 'floor: namespace index', `${ ns }` ],
	[ 'page 1 (default)', `${ ns }/jobs` ],
	[ 'status=failed', `${ ns }/jobs?status=failed` ],
	[ 'status=pending (rare)', `${ ns }/jobs?status=pending` ],
	[
		'status=cancelled,agent_skipped',
		`${ ns }/jobs?status=cancelled,agent_skipped`,
	],
	[ 'pipeline', `${ ns }/jobs?pipeline_id=${ pipelines[ 0 ].id }` ],
	[ 'flow', `${ ns }/jobs?flow_id=${ flows[ 0 ].id }` ],
	[ 'created after (30 d)', `${ ns }/jobs?after=${ monthAgo }` ],
	[ 'created before (30 d ago)', `${ ns }/jobs?before=${ monthAgo }` ],
	[
		'all filters combined',
		`${ ns }/jobs?status=failed,completed&pipeline_id=${ pipelines[ 0 ].id }&flow_id=${ flows[ 0 ].id }&after=${ monthAgo }&before=${ weekAgo }&search=${ encodeURIComponent( flows[ 0 ].name.split( ' ' )[ 0 ] ) }`,
	],
	[ 'search by ID', `${ ns }/jobs?search=${ middleId }` ],
	[
		'search text (flow name)',
		`${ ns }/jobs?search=${ encodeURIComponent( flows[ 0 ].name.split( ' ' )[ 0 ] ) }`,
	],
	[ 'search text (reason)', `${ ns }/jobs?search=timeout` ],
];
for ( const column of [
	'job_id',
	'created_at',
	'completed_at',
	'status',
	'pipeline',
	'flow',
	'duration',
] ) {
	for ( const order of [ 'asc', 'desc' ] ) {
		variants.push( [
			`sort ${ column } ${ order }`,
			`${ ns }/jobs?orderby=${ column }&order=${ order }`,
		] );
	}
}
variants.push( [
	'deep page 10,000 × 50',
	`${ ns }/jobs?per_page=50&page=10000`,
] );
variants.push( [
	`last page (${ totalExact ? '' : 'about ' }${ lastPage } × 50)`,
	`${ ns }/jobs?per_page=50&page=${ lastPage }`,
] );
variants.push( [ 'status counts', `${ ns }/jobs/counts` ] );
const token = ( await get( `${ ns }/jobs/changes` ) ).json().token;
variants.push( [
	'live poll, unchanged',
	`${ ns }/jobs/changes?token=${ token }&since_id=${ newest.id }`,
] );
for ( const [ name, path ] of extra ) {
	variants.push( [ name, path.replace( '{ns}', ns ) ] );
}

const results = await measureAll( variants );
const floor = results[ 0 ].median;
const pad = ( value, width ) => String( value ).padEnd( width );
const lpad = ( value, width ) => String( value ).padStart( width );
console.log(
	`\nDM Jobs benchmark${ args.title ? ` (${ args.title })` : '' } — ${ totalExact ? '' : 'about ' }${ total.toLocaleString( 'en' ) } jobs, ${ reps } requests per variant, interleaved (median / p95 ms, ratio = median / floor median; first = the variant's very first request)\n`
);
console.log(
	`${ pad( 'variant', 38 ) }${ lpad( 'median', 9 ) }${ lpad( 'p95', 9 ) }${ lpad( 'ratio', 8 ) }${ lpad( 'first', 9 ) }${ lpad( 'bytes', 9 ) }  total`
);
for ( const row of results ) {
	if ( row.error ) {
		console.log( `${ pad( row.name, 38 ) }  ERROR ${ row.error }` );
		continue;
	}
	console.log(
		`${ pad( row.name, 38 ) }${ lpad( row.median.toFixed( 1 ), 9 ) }${ lpad( row.p95.toFixed( 1 ), 9 ) }${ lpad( ( row.median / floor ).toFixed( 2 ) + '×', 8 ) }${ lpad( row.first.toFixed( 1 ), 9 ) }${ lpad( row.bytes, 9 ) }  ${ row.total ?? '' }`
	);
}
if ( args.out ) {
	mkdirSync( dirname( args.out ), { recursive: true } );
	writeFileSync(
		args.out,
		JSON.stringify(
			{
				jobs: total,
				reps,
				floor_ms: floor,
				results,
				measured_at: new Date().toISOString(),
			},
			null,
			2
		)
	);
	console.log( `\nJSON: ${ args.out }` );
}
