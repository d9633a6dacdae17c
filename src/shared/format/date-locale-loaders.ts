/**
 * External dependencies
 */
import type { Locale } from 'date-fns';

/**
 * Every date-fns locale but US English (built in), each its own chunk, so a
 * site downloads only its own. Keys are date-fns file names (`de`, `pt-BR`).
 */
export const DATE_LOCALE_LOADERS: Readonly<
	Record< string, () => Promise< Locale > >
> = {
	af: () =>
		import(
			/* webpackChunkName: "date-locale-af" */ 'date-fns/locale/af'
		).then( ( m ) => m.af ),
	ar: () =>
		import(
			/* webpackChunkName: "date-locale-ar" */ 'date-fns/locale/ar'
		).then( ( m ) => m.ar ),
	'ar-DZ': () =>
		import(
			/* webpackChunkName: "date-locale-ar-DZ" */ 'date-fns/locale/ar-DZ'
		).then( ( m ) => m.arDZ ),
	'ar-EG': () =>
		import(
			/* webpackChunkName: "date-locale-ar-EG" */ 'date-fns/locale/ar-EG'
		).then( ( m ) => m.arEG ),
	'ar-MA': () =>
		import(
			/* webpackChunkName: "date-locale-ar-MA" */ 'date-fns/locale/ar-MA'
		).then( ( m ) => m.arMA ),
	'ar-SA': () =>
		import(
			/* webpackChunkName: "date-locale-ar-SA" */ 'date-fns/locale/ar-SA'
		).then( ( m ) => m.arSA ),
	'ar-TN': () =>
		import(
			/* webpackChunkName: "date-locale-ar-TN" */ 'date-fns/locale/ar-TN'
		).then( ( m ) => m.arTN ),
	az: () =>
		import(
			/* webpackChunkName: "date-locale-az" */ 'date-fns/locale/az'
		).then( ( m ) => m.az ),
	be: () =>
		import(
			/* webpackChunkName: "date-locale-be" */ 'date-fns/locale/be'
		).then( ( m ) => m.be ),
	'be-tarask': () =>
		import(
			/* webpackChunkName: "date-locale-be-tarask" */ 'date-fns/locale/be-tarask'
		).then( ( m ) => m.beTarask ),
	bg: () =>
		import(
			/* webpackChunkName: "date-locale-bg" */ 'date-fns/locale/bg'
		).then( ( m ) => m.bg ),
	bn: () =>
		import(
			/* webpackChunkName: "date-locale-bn" */ 'date-fns/locale/bn'
		).then( ( m ) => m.bn ),
	bs: () =>
		import(
			/* webpackChunkName: "date-locale-bs" */ 'date-fns/locale/bs'
		).then( ( m ) => m.bs ),
	ca: () =>
		import(
			/* webpackChunkName: "date-locale-ca" */ 'date-fns/locale/ca'
		).then( ( m ) => m.ca ),
	ckb: () =>
		import(
			/* webpackChunkName: "date-locale-ckb" */ 'date-fns/locale/ckb'
		).then( ( m ) => m.ckb ),
	cs: () =>
		import(
			/* webpackChunkName: "date-locale-cs" */ 'date-fns/locale/cs'
		).then( ( m ) => m.cs ),
	cy: () =>
		import(
			/* webpackChunkName: "date-locale-cy" */ 'date-fns/locale/cy'
		).then( ( m ) => m.cy ),
	da: () =>
		import(
			/* webpackChunkName: "date-locale-da" */ 'date-fns/locale/da'
		).then( ( m ) => m.da ),
	de: () =>
		import(
			/* webpackChunkName: "date-locale-de" */ 'date-fns/locale/de'
		).then( ( m ) => m.de ),
	'de-AT': () =>
		import(
			/* webpackChunkName: "date-locale-de-AT" */ 'date-fns/locale/de-AT'
		).then( ( m ) => m.deAT ),
	el: () =>
		import(
			/* webpackChunkName: "date-locale-el" */ 'date-fns/locale/el'
		).then( ( m ) => m.el ),
	'en-AU': () =>
		import(
			/* webpackChunkName: "date-locale-en-AU" */ 'date-fns/locale/en-AU'
		).then( ( m ) => m.enAU ),
	'en-CA': () =>
		import(
			/* webpackChunkName: "date-locale-en-CA" */ 'date-fns/locale/en-CA'
		).then( ( m ) => m.enCA ),
	'en-GB': () =>
		import(
			/* webpackChunkName: "date-locale-en-GB" */ 'date-fns/locale/en-GB'
		).then( ( m ) => m.enGB ),
	'en-IE': () =>
		import(
			/* webpackChunkName: "date-locale-en-IE" */ 'date-fns/locale/en-IE'
		).then( ( m ) => m.enIE ),
	'en-IN': () =>
		import(
			/* webpackChunkName: "date-locale-en-IN" */ 'date-fns/locale/en-IN'
		).then( ( m ) => m.enIN ),
	'en-NZ': () =>
		import(
			/* webpackChunkName: "date-locale-en-NZ" */ 'date-fns/locale/en-NZ'
		).then( ( m ) => m.enNZ ),
	'en-ZA': () =>
		import(
			/* webpackChunkName: "date-locale-en-ZA" */ 'date-fns/locale/en-ZA'
		).then( ( m ) => m.enZA ),
	eo: () =>
		import(
			/* webpackChunkName: "date-locale-eo" */ 'date-fns/locale/eo'
		).then( ( m ) => m.eo ),
	es: () =>
		import(
			/* webpackChunkName: "date-locale-es" */ 'date-fns/locale/es'
		).then( ( m ) => m.es ),
	et: () =>
		import(
			/* webpackChunkName: "date-locale-et" */ 'date-fns/locale/et'
		).then( ( m ) => m.et ),
	eu: () =>
		import(
			/* webpackChunkName: "date-locale-eu" */ 'date-fns/locale/eu'
		).then( ( m ) => m.eu ),
	'fa-IR': () =>
		import(
			/* webpackChunkName: "date-locale-fa-IR" */ 'date-fns/locale/fa-IR'
		).then( ( m ) => m.faIR ),
	fi: () =>
		import(
			/* webpackChunkName: "date-locale-fi" */ 'date-fns/locale/fi'
		).then( ( m ) => m.fi ),
	fr: () =>
		import(
			/* webpackChunkName: "date-locale-fr" */ 'date-fns/locale/fr'
		).then( ( m ) => m.fr ),
	'fr-CA': () =>
		import(
			/* webpackChunkName: "date-locale-fr-CA" */ 'date-fns/locale/fr-CA'
		).then( ( m ) => m.frCA ),
	'fr-CH': () =>
		import(
			/* webpackChunkName: "date-locale-fr-CH" */ 'date-fns/locale/fr-CH'
		).then( ( m ) => m.frCH ),
	fy: () =>
		import(
			/* webpackChunkName: "date-locale-fy" */ 'date-fns/locale/fy'
		).then( ( m ) => m.fy ),
	gd: () =>
		import(
			/* webpackChunkName: "date-locale-gd" */ 'date-fns/locale/gd'
		).then( ( m ) => m.gd ),
	gl: () =>
		import(
			/* webpackChunkName: "date-locale-gl" */ 'date-fns/locale/gl'
		).then( ( m ) => m.gl ),
	gu: () =>
		import(
			/* webpackChunkName: "date-locale-gu" */ 'date-fns/locale/gu'
		).then( ( m ) => m.gu ),
	he: () =>
		import(
			/* webpackChunkName: "date-locale-he" */ 'date-fns/locale/he'
		).then( ( m ) => m.he ),
	hi: () =>
		import(
			/* webpackChunkName: "date-locale-hi" */ 'date-fns/locale/hi'
		).then( ( m ) => m.hi ),
	hr: () =>
		import(
			/* webpackChunkName: "date-locale-hr" */ 'date-fns/locale/hr'
		).then( ( m ) => m.hr ),
	ht: () =>
		import(
			/* webpackChunkName: "date-locale-ht" */ 'date-fns/locale/ht'
		).then( ( m ) => m.ht ),
	hu: () =>
		import(
			/* webpackChunkName: "date-locale-hu" */ 'date-fns/locale/hu'
		).then( ( m ) => m.hu ),
	hy: () =>
		import(
			/* webpackChunkName: "date-locale-hy" */ 'date-fns/locale/hy'
		).then( ( m ) => m.hy ),
	id: () =>
		import(
			/* webpackChunkName: "date-locale-id" */ 'date-fns/locale/id'
		).then( ( m ) => m.id ),
	is: () =>
		import(
			/* webpackChunkName: "date-locale-is" */ 'date-fns/locale/is'
		).then( ( m ) => m.is ),
	it: () =>
		import(
			/* webpackChunkName: "date-locale-it" */ 'date-fns/locale/it'
		).then( ( m ) => m.it ),
	'it-CH': () =>
		import(
			/* webpackChunkName: "date-locale-it-CH" */ 'date-fns/locale/it-CH'
		).then( ( m ) => m.itCH ),
	ja: () =>
		import(
			/* webpackChunkName: "date-locale-ja" */ 'date-fns/locale/ja'
		).then( ( m ) => m.ja ),
	'ja-Hira': () =>
		import(
			/* webpackChunkName: "date-locale-ja-Hira" */ 'date-fns/locale/ja-Hira'
		).then( ( m ) => m.jaHira ),
	ka: () =>
		import(
			/* webpackChunkName: "date-locale-ka" */ 'date-fns/locale/ka'
		).then( ( m ) => m.ka ),
	kk: () =>
		import(
			/* webpackChunkName: "date-locale-kk" */ 'date-fns/locale/kk'
		).then( ( m ) => m.kk ),
	km: () =>
		import(
			/* webpackChunkName: "date-locale-km" */ 'date-fns/locale/km'
		).then( ( m ) => m.km ),
	kn: () =>
		import(
			/* webpackChunkName: "date-locale-kn" */ 'date-fns/locale/kn'
		).then( ( m ) => m.kn ),
	ko: () =>
		import(
			/* webpackChunkName: "date-locale-ko" */ 'date-fns/locale/ko'
		).then( ( m ) => m.ko ),
	lb: () =>
		import(
			/* webpackChunkName: "date-locale-lb" */ 'date-fns/locale/lb'
		).then( ( m ) => m.lb ),
	lt: () =>
		import(
			/* webpackChunkName: "date-locale-lt" */ 'date-fns/locale/lt'
		).then( ( m ) => m.lt ),
	lv: () =>
		import(
			/* webpackChunkName: "date-locale-lv" */ 'date-fns/locale/lv'
		).then( ( m ) => m.lv ),
	mk: () =>
		import(
			/* webpackChunkName: "date-locale-mk" */ 'date-fns/locale/mk'
		).then( ( m ) => m.mk ),
	mn: () =>
		import(
			/* webpackChunkName: "date-locale-mn" */ 'date-fns/locale/mn'
		).then( ( m ) => m.mn ),
	ms: () =>
		import(
			/* webpackChunkName: "date-locale-ms" */ 'date-fns/locale/ms'
		).then( ( m ) => m.ms ),
	mt: () =>
		import(
			/* webpackChunkName: "date-locale-mt" */ 'date-fns/locale/mt'
		).then( ( m ) => m.mt ),
	nb: () =>
		import(
			/* webpackChunkName: "date-locale-nb" */ 'date-fns/locale/nb'
		).then( ( m ) => m.nb ),
	nl: () =>
		import(
			/* webpackChunkName: "date-locale-nl" */ 'date-fns/locale/nl'
		).then( ( m ) => m.nl ),
	'nl-BE': () =>
		import(
			/* webpackChunkName: "date-locale-nl-BE" */ 'date-fns/locale/nl-BE'
		).then( ( m ) => m.nlBE ),
	nn: () =>
		import(
			/* webpackChunkName: "date-locale-nn" */ 'date-fns/locale/nn'
		).then( ( m ) => m.nn ),
	oc: () =>
		import(
			/* webpackChunkName: "date-locale-oc" */ 'date-fns/locale/oc'
		).then( ( m ) => m.oc ),
	pl: () =>
		import(
			/* webpackChunkName: "date-locale-pl" */ 'date-fns/locale/pl'
		).then( ( m ) => m.pl ),
	pt: () =>
		import(
			/* webpackChunkName: "date-locale-pt" */ 'date-fns/locale/pt'
		).then( ( m ) => m.pt ),
	'pt-BR': () =>
		import(
			/* webpackChunkName: "date-locale-pt-BR" */ 'date-fns/locale/pt-BR'
		).then( ( m ) => m.ptBR ),
	ro: () =>
		import(
			/* webpackChunkName: "date-locale-ro" */ 'date-fns/locale/ro'
		).then( ( m ) => m.ro ),
	ru: () =>
		import(
			/* webpackChunkName: "date-locale-ru" */ 'date-fns/locale/ru'
		).then( ( m ) => m.ru ),
	se: () =>
		import(
			/* webpackChunkName: "date-locale-se" */ 'date-fns/locale/se'
		).then( ( m ) => m.se ),
	sk: () =>
		import(
			/* webpackChunkName: "date-locale-sk" */ 'date-fns/locale/sk'
		).then( ( m ) => m.sk ),
	sl: () =>
		import(
			/* webpackChunkName: "date-locale-sl" */ 'date-fns/locale/sl'
		).then( ( m ) => m.sl ),
	sq: () =>
		import(
			/* webpackChunkName: "date-locale-sq" */ 'date-fns/locale/sq'
		).then( ( m ) => m.sq ),
	sr: () =>
		import(
			/* webpackChunkName: "date-locale-sr" */ 'date-fns/locale/sr'
		).then( ( m ) => m.sr ),
	'sr-Latn': () =>
		import(
			/* webpackChunkName: "date-locale-sr-Latn" */ 'date-fns/locale/sr-Latn'
		).then( ( m ) => m.srLatn ),
	sv: () =>
		import(
			/* webpackChunkName: "date-locale-sv" */ 'date-fns/locale/sv'
		).then( ( m ) => m.sv ),
	ta: () =>
		import(
			/* webpackChunkName: "date-locale-ta" */ 'date-fns/locale/ta'
		).then( ( m ) => m.ta ),
	te: () =>
		import(
			/* webpackChunkName: "date-locale-te" */ 'date-fns/locale/te'
		).then( ( m ) => m.te ),
	th: () =>
		import(
			/* webpackChunkName: "date-locale-th" */ 'date-fns/locale/th'
		).then( ( m ) => m.th ),
	tr: () =>
		import(
			/* webpackChunkName: "date-locale-tr" */ 'date-fns/locale/tr'
		).then( ( m ) => m.tr ),
	ug: () =>
		import(
			/* webpackChunkName: "date-locale-ug" */ 'date-fns/locale/ug'
		).then( ( m ) => m.ug ),
	uk: () =>
		import(
			/* webpackChunkName: "date-locale-uk" */ 'date-fns/locale/uk'
		).then( ( m ) => m.uk ),
	uz: () =>
		import(
			/* webpackChunkName: "date-locale-uz" */ 'date-fns/locale/uz'
		).then( ( m ) => m.uz ),
	'uz-Cyrl': () =>
		import(
			/* webpackChunkName: "date-locale-uz-Cyrl" */ 'date-fns/locale/uz-Cyrl'
		).then( ( m ) => m.uzCyrl ),
	vi: () =>
		import(
			/* webpackChunkName: "date-locale-vi" */ 'date-fns/locale/vi'
		).then( ( m ) => m.vi ),
	'zh-CN': () =>
		import(
			/* webpackChunkName: "date-locale-zh-CN" */ 'date-fns/locale/zh-CN'
		).then( ( m ) => m.zhCN ),
	'zh-HK': () =>
		import(
			/* webpackChunkName: "date-locale-zh-HK" */ 'date-fns/locale/zh-HK'
		).then( ( m ) => m.zhHK ),
	'zh-TW': () =>
		import(
			/* webpackChunkName: "date-locale-zh-TW" */ 'date-fns/locale/zh-TW'
		).then( ( m ) => m.zhTW ),
};
