/**
 * Reference data for the seed (pure constants, no I/O): short titles and themes of the 18
 * articles, the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration
 * (A/RES/73/195), the SDG targets and indicators the articles map to, the crosswalk of
 * DESIGN.md §7, the starter indicator catalogue and the 11 RCM member states.
 */

/** A text in the three working languages of the RCM. */
export type L10n = { en: string; es: string; fr: string };

export interface ArticleMeta {
	number: number;
	title: L10n;
	/** Theme slugs (kebab-case). */
	themes: string[];
}

export interface GcmObjective {
	number: number;
	/** Official title of the objective. */
	title: L10n;
	/** Short name for tables, chips and charts. */
	short: L10n;
}

export interface SdgReference {
	/** Target (`10.7`, `10.c`) or indicator (`10.7.3`) code. */
	code: string;
	kind: 'target' | 'indicator';
	goal: number;
	title: L10n;
}

export interface CrosswalkRow {
	article: number;
	/** GCM objective numbers, in the order of DESIGN.md §7. */
	gcm: number[];
	/** SDG reference codes. */
	sdg: string[];
}

export type IndicatorUnit = 'percent' | 'count' | 'per_100k' | 'score' | 'days' | 'usd' | 'months';

export interface StarterIndicator {
	code: string;
	name: L10n;
	description: L10n;
	unit: IndicatorUnit;
	direction: 'increase' | 'decrease';
	baselineYear: number | null;
	baselineValue: number | null;
	targetYear: number | null;
	targetValue: number | null;
	/** A value no single disaggregate (e.g. a remittance corridor) may pass. */
	ceiling: number | null;
	/** The disaggregation key the ceiling applies to (only those disaggregates count). */
	ceilingKey?: string;
	/** How disaggregates combine without a headline; default by unit (count → sum, else mean). */
	aggregation?: 'mean' | 'sum';
	/** Accepts series of M49 regions (`013` Central America); default false. */
	regional?: boolean;
	/** threshold: met when the latest value reaches `threshold`; default continuous. */
	kind?: 'continuous' | 'threshold';
	threshold?: number;
	/** Bounds of a score scale; null when the unit has no fixed scale. */
	scaleMin: number | null;
	scaleMax: number | null;
	articles: number[];
	/** SDG reference codes (target and indicator). */
	sdg: string[];
	/** GCM objective numbers. */
	gcm: number[];
	custodian: string;
	source: string;
	methodNotes: string;
}

/** ISO 3166-1 alpha-3 codes of the 11 RCM member states. */
export const MEMBER_STATES: string[] = [
	'BLZ',
	'CAN',
	'CRI',
	'DOM',
	'SLV',
	'GTM',
	'HND',
	'MEX',
	'NIC',
	'PAN',
	'USA'
];

/** Short titles (written by the team) and themes of the 18 articles of the declaration. */
export const ARTICLE_META: ArticleMeta[] = [
	{
		number: 1,
		title: {
			en: 'Rights-based border management',
			es: 'Gestión de fronteras basada en los derechos humanos',
			fr: 'Gestion des frontières fondée sur les droits humains'
		},
		themes: ['borders', 'human-rights']
	},
	{
		number: 2,
		title: {
			en: 'Migrants’ contributions',
			es: 'Contribuciones de las personas migrantes',
			fr: 'Contributions des migrants'
		},
		themes: ['development', 'remittances']
	},
	{
		number: 3,
		title: {
			en: 'Regular pathways and labour mobility',
			es: 'Vías regulares y movilidad laboral',
			fr: 'Voies régulières et mobilité de la main-d’œuvre'
		},
		themes: ['regular-pathways', 'cooperation']
	},
	{
		number: 4,
		title: {
			en: 'Protecting migrants in transit and destination',
			es: 'Protección de las personas migrantes en tránsito y destino',
			fr: 'Protection des migrants en transit et à destination'
		},
		themes: ['human-rights', 'protection']
	},
	{
		number: 5,
		title: {
			en: 'Drivers of irregular migration',
			es: 'Factores que impulsan la migración irregular',
			fr: 'Facteurs de la migration irrégulière'
		},
		themes: ['root-causes']
	},
	{
		number: 6,
		title: {
			en: 'Development, information and prosecution at origin',
			es: 'Desarrollo, información y enjuiciamiento en origen',
			fr: 'Développement, information et poursuites dans les pays d’origine'
		},
		themes: ['root-causes', 'trafficking']
	},
	{
		number: 7,
		title: {
			en: 'Comprehensive approaches to structural drivers',
			es: 'Enfoques integrales ante los factores estructurales',
			fr: 'Approches globales face aux facteurs structurels'
		},
		themes: ['root-causes', 'regular-pathways', 'cooperation']
	},
	{
		number: 8,
		title: {
			en: 'Inclusion and non-discrimination',
			es: 'Inclusión y no discriminación',
			fr: 'Inclusion et non-discrimination'
		},
		themes: ['inclusion']
	},
	{
		number: 9,
		title: {
			en: 'Gender perspective and victim support',
			es: 'Perspectiva de género y apoyo a las víctimas',
			fr: 'Perspective de genre et soutien aux victimes'
		},
		themes: ['gender', 'trafficking', 'protection']
	},
	{
		number: 10,
		title: {
			en: 'Reintegration of returned migrants',
			es: 'Reintegración de las personas retornadas',
			fr: 'Réintégration des migrants de retour'
		},
		themes: ['return-reintegration']
	},
	{
		number: 11,
		title: {
			en: 'Labour rights and decent work',
			es: 'Derechos laborales y trabajo decente',
			fr: 'Droits du travail et travail décent'
		},
		themes: ['labour-rights', 'regular-pathways']
	},
	{
		number: 12,
		title: {
			en: 'Access to essential services',
			es: 'Acceso a servicios esenciales',
			fr: 'Accès aux services essentiels'
		},
		themes: ['services', 'inclusion']
	},
	{
		number: 13,
		title: {
			en: 'Better migration statistics',
			es: 'Mejores estadísticas sobre migración',
			fr: 'De meilleures statistiques migratoires'
		},
		themes: ['data']
	},
	{
		number: 14,
		title: {
			en: 'Cooperation and implementation resources',
			es: 'Cooperación y recursos para la implementación',
			fr: 'Coopération et ressources pour la mise en œuvre'
		},
		themes: ['cooperation']
	},
	{
		number: 15,
		title: {
			en: 'Dignified and humane treatment',
			es: 'Trato digno y humano',
			fr: 'Traitement digne et humain'
		},
		themes: ['protection', 'human-rights']
	},
	{
		number: 16,
		title: {
			en: 'People in vulnerable situations',
			es: 'Personas en situación de vulnerabilidad',
			fr: 'Personnes en situation de vulnérabilité'
		},
		themes: ['protection', 'trafficking', 'gender']
	},
	{
		number: 17,
		title: {
			en: 'Due process and access to justice',
			es: 'Debido proceso y acceso a la justicia',
			fr: 'Garanties procédurales et accès à la justice'
		},
		themes: ['due-process', 'human-rights']
	},
	{
		number: 18,
		title: {
			en: 'Right to return and reception',
			es: 'Derecho al retorno y recepción de nacionales',
			fr: 'Droit au retour et accueil des ressortissants'
		},
		themes: ['return-reintegration']
	}
];

/** The 23 objectives of the Global Compact for Migration (A/RES/73/195, para. 16). */
export const GCM_OBJECTIVES: GcmObjective[] = [
	{
		number: 1,
		title: {
			en: 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
			es: 'Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica',
			fr: 'Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de politiques fondées sur la connaissance des faits'
		},
		short: { en: 'Data', es: 'Datos', fr: 'Données' }
	},
	{
		number: 2,
		title: {
			en: 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin',
			es: 'Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen',
			fr: 'Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d’origine'
		},
		short: {
			en: 'Minimize adverse drivers',
			es: 'Minimizar los factores adversos',
			fr: 'Lutter contre les facteurs négatifs'
		}
	},
	{
		number: 3,
		title: {
			en: 'Provide accurate and timely information at all stages of migration',
			es: 'Proporcionar información exacta y oportuna en todas las etapas de la migración',
			fr: 'Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration'
		},
		short: {
			en: 'Timely information',
			es: 'Información oportuna',
			fr: 'Information en temps utile'
		}
	},
	{
		number: 4,
		title: {
			en: 'Ensure that all migrants have proof of legal identity and adequate documentation',
			es: 'Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada',
			fr: 'Munir tous les migrants d’une preuve d’identité légale et de papiers adéquats'
		},
		short: {
			en: 'Legal identity and documentation',
			es: 'Identidad jurídica y documentación',
			fr: 'Identité légale et papiers'
		}
	},
	{
		number: 5,
		title: {
			en: 'Enhance availability and flexibility of pathways for regular migration',
			es: 'Aumentar la disponibilidad y flexibilidad de las vías de migración regular',
			fr: 'Faire en sorte que les filières de migration régulière soient accessibles et plus souples'
		},
		short: {
			en: 'Regular pathways',
			es: 'Vías de migración regular',
			fr: 'Filières de migration régulière'
		}
	},
	{
		number: 6,
		title: {
			en: 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work',
			es: 'Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente',
			fr: 'Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent'
		},
		short: {
			en: 'Fair recruitment and decent work',
			es: 'Contratación equitativa y trabajo decente',
			fr: 'Recrutement équitable et travail décent'
		}
	},
	{
		number: 7,
		title: {
			en: 'Address and reduce vulnerabilities in migration',
			es: 'Abordar y reducir las vulnerabilidades en la migración',
			fr: 'S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire'
		},
		short: {
			en: 'Reduce vulnerabilities',
			es: 'Reducir las vulnerabilidades',
			fr: 'Réduire les vulnérabilités'
		}
	},
	{
		number: 8,
		title: {
			en: 'Save lives and establish coordinated international efforts on missing migrants',
			es: 'Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos',
			fr: 'Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus'
		},
		short: {
			en: 'Save lives, missing migrants',
			es: 'Salvar vidas, migrantes desaparecidos',
			fr: 'Sauver des vies, migrants disparus'
		}
	},
	{
		number: 9,
		title: {
			en: 'Strengthen the transnational response to smuggling of migrants',
			es: 'Reforzar la respuesta transnacional al tráfico ilícito de migrantes',
			fr: 'Renforcer l’action transnationale face au trafic de migrants'
		},
		short: {
			en: 'Counter smuggling',
			es: 'Combatir el tráfico ilícito de migrantes',
			fr: 'Combattre le trafic de migrants'
		}
	},
	{
		number: 10,
		title: {
			en: 'Prevent, combat and eradicate trafficking in persons in the context of international migration',
			es: 'Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional',
			fr: 'Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales'
		},
		short: {
			en: 'Eradicate trafficking',
			es: 'Erradicar la trata de personas',
			fr: 'Éradiquer la traite de personnes'
		}
	},
	{
		number: 11,
		title: {
			en: 'Manage borders in an integrated, secure and coordinated manner',
			es: 'Gestionar las fronteras de manera integrada, segura y coordinada',
			fr: 'Gérer les frontières de manière intégrée, sûre et coordonnée'
		},
		short: {
			en: 'Integrated border management',
			es: 'Gestión integrada de las fronteras',
			fr: 'Gestion intégrée des frontières'
		}
	},
	{
		number: 12,
		title: {
			en: 'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral',
			es: 'Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación',
			fr: 'Veiller à l’invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, des évaluations et une orientation appropriés'
		},
		short: {
			en: 'Predictable procedures, screening and referral',
			es: 'Procedimientos previsibles, verificación y derivación',
			fr: 'Procédures prévisibles, contrôle et orientation'
		}
	},
	{
		number: 13,
		title: {
			en: 'Use migration detention only as a measure of last resort and work towards alternatives',
			es: 'Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas',
			fr: 'Ne recourir au placement en rétention administrative des migrants qu’en dernier ressort et chercher des solutions de rechange'
		},
		short: {
			en: 'Detention only as a last resort',
			es: 'Detención solo como último recurso',
			fr: 'Rétention en dernier ressort uniquement'
		}
	},
	{
		number: 14,
		title: {
			en: 'Enhance consular protection, assistance and cooperation throughout the migration cycle',
			es: 'Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio',
			fr: 'Renforcer la protection, l’assistance et la coopération consulaires tout au long du cycle migratoire'
		},
		short: {
			en: 'Consular protection',
			es: 'Protección consular',
			fr: 'Protection consulaire'
		}
	},
	{
		number: 15,
		title: {
			en: 'Provide access to basic services for migrants',
			es: 'Proporcionar a los migrantes acceso a servicios básicos',
			fr: 'Assurer l’accès des migrants aux services de base'
		},
		short: {
			en: 'Basic services',
			es: 'Servicios básicos',
			fr: 'Services de base'
		}
	},
	{
		number: 16,
		title: {
			en: 'Empower migrants and societies to realize full inclusion and social cohesion',
			es: 'Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social',
			fr: 'Donner aux migrants et aux sociétés les moyens de réaliser la pleine intégration et la cohésion sociale'
		},
		short: {
			en: 'Inclusion and social cohesion',
			es: 'Inclusión y cohesión social',
			fr: 'Intégration et cohésion sociale'
		}
	},
	{
		number: 17,
		title: {
			en: 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration',
			es: 'Eliminar todas las formas de discriminación y promover un discurso público con base empírica para modificar las percepciones de la migración',
			fr: 'Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l’analyse des faits afin de faire évoluer la manière dont les migrations sont perçues'
		},
		short: {
			en: 'Non-discrimination, evidence-based public discourse',
			es: 'No discriminación, discurso público con base empírica',
			fr: 'Non-discrimination, débat public fondé sur les faits'
		}
	},
	{
		number: 18,
		title: {
			en: 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences',
			es: 'Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias',
			fr: 'Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences'
		},
		short: {
			en: 'Skills development and recognition',
			es: 'Desarrollo y reconocimiento de aptitudes',
			fr: 'Perfectionnement et reconnaissance des compétences'
		}
	},
	{
		number: 19,
		title: {
			en: 'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries',
			es: 'Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países',
			fr: 'Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays'
		},
		short: {
			en: 'Diaspora contributions',
			es: 'Contribuciones de las diásporas',
			fr: 'Contributions des diasporas'
		}
	},
	{
		number: 20,
		title: {
			en: 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants',
			es: 'Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera de los migrantes',
			fr: 'Promouvoir des transferts de fonds plus rapides, plus sûrs et moins coûteux et favoriser l’inclusion financière des migrants'
		},
		short: {
			en: 'Faster, safer, cheaper remittances',
			es: 'Remesas más rápidas, seguras y económicas',
			fr: 'Envois de fonds plus rapides, plus sûrs et moins coûteux'
		}
	},
	{
		number: 21,
		title: {
			en: 'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration',
			es: 'Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible',
			fr: 'Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dans la dignité, ainsi que leur réintégration durable'
		},
		short: {
			en: 'Dignified return and reintegration',
			es: 'Retorno digno y reintegración',
			fr: 'Retour dans la dignité et réintégration'
		}
	},
	{
		number: 22,
		title: {
			en: 'Establish mechanisms for the portability of social security entitlements and earned benefits',
			es: 'Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas',
			fr: 'Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis'
		},
		short: {
			en: 'Portability of social security',
			es: 'Portabilidad de la seguridad social',
			fr: 'Portabilité de la sécurité sociale'
		}
	},
	{
		number: 23,
		title: {
			en: 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration',
			es: 'Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular',
			fr: 'Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières'
		},
		short: {
			en: 'International cooperation',
			es: 'Cooperación internacional',
			fr: 'Coopération internationale'
		}
	}
];

/** Builds an SDG reference; kind and goal follow from the code. */
function sdg(code: string, title: L10n): SdgReference {
	return {
		code,
		kind: code.split('.').length === 3 ? 'indicator' : 'target',
		goal: Number(code.split('.')[0]),
		title
	};
}

/**
 * SDG targets and indicators referenced by the crosswalk and the starter indicators, worded as
 * in the global indicator framework (A/RES/71/313 and its annual refinements).
 */
export const SDG_REFERENCES: SdgReference[] = [
	sdg('5.2', {
		en: 'Eliminate all forms of violence against all women and girls in the public and private spheres, including trafficking and sexual and other types of exploitation',
		es: 'Eliminar todas las formas de violencia contra todas las mujeres y las niñas en los ámbitos público y privado, incluidas la trata y la explotación sexual y otros tipos de explotación',
		fr: 'Éliminer de la vie publique et de la vie privée toutes les formes de violence faite aux femmes et aux filles, y compris la traite et l’exploitation sexuelle et d’autres types d’exploitation'
	}),
	sdg('8.8', {
		en: 'Protect labour rights and promote safe and secure working environments for all workers, including migrant workers, in particular women migrants, and those in precarious employment',
		es: 'Proteger los derechos laborales y promover un entorno de trabajo seguro y sin riesgos para todos los trabajadores, incluidos los trabajadores migrantes, en particular las mujeres migrantes y las personas con empleos precarios',
		fr: 'Défendre les droits des travailleurs, promouvoir la sécurité sur le lieu de travail et assurer la protection de tous les travailleurs, y compris les migrants, en particulier les femmes, et ceux qui ont un emploi précaire'
	}),
	sdg('8.8.1', {
		en: 'Fatal and non-fatal occupational injuries per 100,000 workers, by sex and migrant status',
		es: 'Lesiones ocupacionales mortales y no mortales por cada 100.000 trabajadores, desglosadas por sexo y estatus migratorio',
		fr: 'Accidents du travail mortels et non mortels pour 100 000 travailleurs, par sexe et statut migratoire'
	}),
	sdg('8.8.2', {
		en: 'Level of national compliance with labour rights (freedom of association and collective bargaining) based on International Labour Organization (ILO) textual sources and national legislation, by sex and migrant status',
		es: 'Nivel de cumplimiento nacional de los derechos laborales (libertad de asociación y negociación colectiva) sobre la base de fuentes textuales de la Organización Internacional del Trabajo (OIT) y la legislación nacional, desglosado por sexo y estatus migratorio',
		fr: 'Niveau de respect des droits du travail (liberté d’association et de négociation collective) au niveau national, eu égard aux textes de l’Organisation internationale du Travail (OIT) et à la législation nationale, par sexe et statut migratoire'
	}),
	sdg('10.7', {
		en: 'Facilitate orderly, safe, regular and responsible migration and mobility of people, including through the implementation of planned and well-managed migration policies',
		es: 'Facilitar la migración y la movilidad ordenadas, seguras, regulares y responsables de las personas, incluso mediante la aplicación de políticas migratorias planificadas y bien gestionadas',
		fr: 'Faciliter la migration et la mobilité de façon ordonnée, sans danger, régulière et responsable, notamment par la mise en œuvre de politiques de migration planifiées et bien gérées'
	}),
	sdg('10.7.1', {
		en: 'Recruitment cost borne by employee as a proportion of monthly income earned in country of destination',
		es: 'Costo de la contratación sufragado por el empleado en proporción a los ingresos mensuales percibidos en el país de destino',
		fr: 'Coût du recrutement supporté par le salarié en proportion de son revenu mensuel dans le pays de destination'
	}),
	sdg('10.7.2', {
		en: 'Number of countries with migration policies to facilitate orderly, safe, regular and responsible migration and mobility of people',
		es: 'Número de países que cuentan con políticas migratorias que facilitan la migración y la movilidad ordenadas, seguras, regulares y responsables de las personas',
		fr: 'Nombre de pays dotés de politiques migratoires visant à faciliter la migration et la mobilité de façon ordonnée, sûre, régulière et responsable'
	}),
	sdg('10.7.3', {
		en: 'Number of people who died or disappeared in the process of migration towards an international destination',
		es: 'Número de personas que murieron o desaparecieron en el proceso de migración hacia un destino internacional',
		fr: 'Nombre de personnes décédées ou disparues au cours de leur migration vers une destination internationale'
	}),
	sdg('10.7.4', {
		en: 'Proportion of the population who are refugees, by country of origin',
		es: 'Proporción de la población integrada por refugiados, desglosada por país de origen',
		fr: 'Proportion de la population constituée de réfugiés, par pays d’origine'
	}),
	sdg('10.c', {
		en: 'By 2030, reduce to less than 3 per cent the transaction costs of migrant remittances and eliminate remittance corridors with costs higher than 5 per cent',
		es: 'De aquí a 2030, reducir a menos del 3% los costos de transacción de las remesas de los migrantes y eliminar los corredores de remesas con un costo superior al 5%',
		fr: 'D’ici à 2030, faire baisser au-dessous de 3 pour cent les coûts de transaction des envois de fonds effectués par les migrants et éliminer les circuits d’envois de fonds dont les coûts sont supérieurs à 5 pour cent'
	}),
	sdg('10.c.1', {
		en: 'Remittance costs as a proportion of the amount remitted',
		es: 'Costo de las remesas en proporción a las sumas remitidas',
		fr: 'Coût des envois de fonds en proportion du montant transféré'
	}),
	sdg('16.2', {
		en: 'End abuse, exploitation, trafficking and all forms of violence against and torture of children',
		es: 'Poner fin al maltrato, la explotación, la trata y todas las formas de violencia y tortura contra los niños',
		fr: 'Mettre un terme à la maltraitance, à l’exploitation et à la traite, et à toutes les formes de violence et de torture dont sont victimes les enfants'
	}),
	sdg('16.2.2', {
		en: 'Number of victims of human trafficking per 100,000 population, by sex, age and form of exploitation',
		es: 'Número de víctimas de la trata de personas por cada 100.000 habitantes, desglosado por sexo, edad y tipo de explotación',
		fr: 'Nombre de victimes de la traite d’êtres humains pour 100 000 habitants, par sexe, âge et forme d’exploitation'
	}),
	sdg('16.3', {
		en: 'Promote the rule of law at the national and international levels and ensure equal access to justice for all',
		es: 'Promover el estado de derecho en los planos nacional e internacional y garantizar la igualdad de acceso a la justicia para todos',
		fr: 'Promouvoir l’état de droit aux niveaux national et international et donner à tous accès à la justice dans des conditions d’égalité'
	}),
	sdg('17.3', {
		en: 'Mobilize additional financial resources for developing countries from multiple sources',
		es: 'Movilizar recursos financieros adicionales de múltiples fuentes para los países en desarrollo',
		fr: 'Mobiliser des ressources financières supplémentaires de diverses provenances en faveur des pays en développement'
	}),
	sdg('17.3.2', {
		en: 'Volume of remittances (in United States dollars) as a proportion of total GDP',
		es: 'Volumen de las remesas (en dólares de los Estados Unidos) en proporción al PIB total',
		fr: 'Volume des envois de fonds (en dollars des États-Unis) en proportion du PIB total'
	}),
	sdg('17.18', {
		en: 'By 2020, enhance capacity-building support to developing countries, including for least developed countries and small island developing States, to increase significantly the availability of high-quality, timely and reliable data disaggregated by income, gender, age, race, ethnicity, migratory status, disability, geographic location and other characteristics relevant in national contexts',
		es: 'De aquí a 2020, mejorar el apoyo a la creación de capacidad prestado a los países en desarrollo, incluidos los países menos adelantados y los pequeños Estados insulares en desarrollo, para aumentar significativamente la disponibilidad de datos oportunos, fiables y de gran calidad desglosados por ingresos, sexo, edad, raza, origen étnico, estatus migratorio, discapacidad, ubicación geográfica y otras características pertinentes en los contextos nacionales',
		fr: 'D’ici à 2020, apporter un soutien accru au renforcement des capacités des pays en développement, notamment des pays les moins avancés et des petits États insulaires en développement, l’objectif étant de disposer d’un beaucoup plus grand nombre de données de qualité, actualisées et exactes, ventilées par niveau de revenu, sexe, âge, race, appartenance ethnique, statut migratoire, handicap et emplacement géographique, et selon d’autres caractéristiques propres à chaque pays'
	})
];

/** Article → GCM objectives and SDG references (DESIGN.md §7). */
export const CROSSWALK: CrosswalkRow[] = [
	{ article: 1, gcm: [11, 8, 12], sdg: ['10.7', '10.7.3'] },
	{ article: 2, gcm: [19, 20], sdg: ['10.c', '10.c.1', '17.3.2'] },
	{ article: 3, gcm: [5, 6], sdg: ['10.7', '10.7.1', '10.7.2'] },
	{ article: 4, gcm: [7, 8, 14], sdg: ['10.7.2', '10.7.3'] },
	{ article: 5, gcm: [2], sdg: ['10.7.4'] },
	{ article: 6, gcm: [2, 3, 9, 10], sdg: ['16.2.2'] },
	{ article: 7, gcm: [2, 23], sdg: ['10.7.2'] },
	{ article: 8, gcm: [16, 17], sdg: ['10.7.2'] },
	{ article: 9, gcm: [7, 10], sdg: ['16.2.2', '5.2'] },
	{ article: 10, gcm: [21, 18], sdg: ['10.7'] },
	{ article: 11, gcm: [6, 5, 22], sdg: ['8.8', '8.8.1', '8.8.2', '10.7.1'] },
	{ article: 12, gcm: [15, 4], sdg: ['10.7'] },
	{ article: 13, gcm: [1], sdg: ['17.18'] },
	{ article: 14, gcm: [23, 19], sdg: ['17.3'] },
	{ article: 15, gcm: [7, 13], sdg: ['10.7.4'] },
	{ article: 16, gcm: [7, 12], sdg: ['16.2.2'] },
	{ article: 17, gcm: [12, 13, 14], sdg: ['16.3'] },
	{ article: 18, gcm: [21, 4, 14], sdg: ['10.7'] }
];

/** The starter indicator catalogue (DESIGN.md §7), which the secretariat then extends. */
export const STARTER_INDICATORS: StarterIndicator[] = [
	{
		code: '10.c.1',
		name: {
			en: 'Remittance costs as a proportion of the amount remitted',
			es: 'Costo de las remesas en proporción a las sumas remitidas',
			fr: 'Coût des envois de fonds en proportion du montant transféré'
		},
		description: {
			en: 'Average total cost of sending remittances, as a percentage of the amount sent. Target 10.c: below 3% on average by 2030, and no corridor above 5%.',
			es: 'Costo total promedio del envío de remesas, en porcentaje de la suma enviada. Meta 10.c: menos del 3 % en promedio de aquí a 2030 y ningún corredor por encima del 5 %.',
			fr: 'Coût total moyen d’un envoi de fonds, en pourcentage du montant envoyé. Cible 10.c : moins de 3 % en moyenne d’ici à 2030 et aucun couloir au-dessus de 5 %.'
		},
		unit: 'percent',
		direction: 'decrease',
		baselineYear: null,
		baselineValue: null,
		targetYear: 2030,
		targetValue: 3,
		ceiling: 5,
		ceilingKey: 'corridor',
		scaleMin: null,
		scaleMax: null,
		articles: [2, 14],
		sdg: ['10.c', '10.c.1'],
		gcm: [20, 19],
		custodian: 'World Bank',
		source: 'Remittance Prices Worldwide',
		methodNotes:
			'Total cost (fee plus exchange-rate margin) of sending the equivalent of USD 200, as a percentage of the amount sent. Corridor values are recorded as disaggregates {"corridor": "SENDER>RECEIVER"} using ISO3 codes (e.g. "USA>MEX"); the 5% ceiling applies to each corridor. Quarterly values are averaged per year. Negative values occur in the source data.'
	},
	{
		code: '10.7.3',
		name: {
			en: 'Deaths and disappearances during migration',
			es: 'Muertes y desapariciones durante la migración',
			fr: 'Décès et disparitions au cours de la migration'
		},
		description: {
			en: 'Number of people who died or disappeared in the process of migration towards an international destination.',
			es: 'Número de personas que murieron o desaparecieron en el proceso de migración hacia un destino internacional.',
			fr: 'Nombre de personnes décédées ou disparues au cours de leur migration vers une destination internationale.'
		},
		unit: 'count',
		direction: 'decrease',
		baselineYear: null,
		baselineValue: null,
		targetYear: null,
		targetValue: null,
		ceiling: null,
		aggregation: 'sum',
		regional: true,
		scaleMin: null,
		scaleMax: null,
		articles: [1, 4],
		sdg: ['10.7', '10.7.3'],
		gcm: [8, 7],
		custodian: 'IOM',
		source: 'IOM Missing Migrants Project',
		methodNotes:
			'Recorded deaths and disappearances by country of incident (or route), per calendar year. Counts are minimum estimates: many deaths are never recorded, so a rise may reflect better reporting. Disaggregate by sex, age group or route where available.'
	},
	{
		code: '10.7.2',
		name: {
			en: 'Migration policy score by domain',
			es: 'Puntuación de las políticas migratorias por ámbito',
			fr: 'Score des politiques migratoires par domaine'
		},
		description: {
			en: 'Extent to which a country’s migration policies facilitate orderly, safe, regular and responsible migration, scored from 1 (requires further progress) to 4 (fully meets) in each policy domain.',
			es: 'Medida en que las políticas migratorias de un país facilitan una migración ordenada, segura, regular y responsable, puntuada de 1 (requiere más avances) a 4 (cumple plenamente) en cada ámbito de política.',
			fr: 'Mesure dans laquelle les politiques migratoires d’un pays facilitent une migration ordonnée, sûre, régulière et responsable, notée de 1 (progrès supplémentaires nécessaires) à 4 (pleinement conforme) dans chaque domaine.'
		},
		unit: 'score',
		direction: 'increase',
		baselineYear: null,
		baselineValue: null,
		targetYear: null,
		targetValue: null,
		ceiling: null,
		kind: 'threshold',
		threshold: 3,
		scaleMin: 1,
		scaleMax: 4,
		articles: [3, 7, 8],
		sdg: ['10.7', '10.7.2'],
		gcm: [5, 16, 23],
		custodian: 'UN DESA / IOM',
		source:
			'United Nations Inquiry among Governments on Population and Development (module on international migration)',
		methodNotes:
			'Six policy domains (migrant rights; whole-of-government/evidence-based policies; cooperation and partnerships; socioeconomic well-being; mobility dimensions of crises; safe, orderly and regular migration), each scored 1 = requires further progress, 2 = partially meets, 3 = meets, 4 = fully meets. Record each domain as a disaggregate {"domain": "..."}; the headline value is the overall score.'
	},
	{
		code: '10.7.4',
		name: {
			en: 'Refugees per 100,000 population of origin',
			es: 'Refugiados por cada 100.000 habitantes del país de origen',
			fr: 'Réfugiés pour 100 000 habitants du pays d’origine'
		},
		description: {
			en: 'Refugees originating from the country, per 100,000 people of its population.',
			es: 'Personas refugiadas originarias del país por cada 100.000 habitantes de su población.',
			fr: 'Réfugiés originaires du pays, pour 100 000 habitants de sa population.'
		},
		unit: 'per_100k',
		direction: 'decrease',
		baselineYear: null,
		baselineValue: null,
		targetYear: null,
		targetValue: null,
		ceiling: null,
		scaleMin: null,
		scaleMax: null,
		articles: [5, 15],
		sdg: ['10.7', '10.7.4'],
		gcm: [2, 7],
		custodian: 'UNHCR',
		source: 'UNHCR Refugee Data Finder',
		methodNotes:
			'Refugees and people in refugee-like situations (and others in need of international protection, as reported by UNHCR) by country of origin at mid-year or end of year, divided by the origin country’s population and multiplied by 100,000.'
	},
	{
		code: '8.8.1',
		name: {
			en: 'Fatal occupational injuries per 100,000 workers, by migrant status',
			es: 'Lesiones ocupacionales mortales por cada 100.000 trabajadores, por estatus migratorio',
			fr: 'Accidents du travail mortels pour 100 000 travailleurs, par statut migratoire'
		},
		description: {
			en: 'Fatal occupational injuries per 100,000 workers, disaggregated by migrant status and sex.',
			es: 'Lesiones ocupacionales mortales por cada 100.000 trabajadores, desglosadas por estatus migratorio y sexo.',
			fr: 'Accidents du travail mortels pour 100 000 travailleurs, ventilés par statut migratoire et par sexe.'
		},
		unit: 'per_100k',
		direction: 'decrease',
		baselineYear: null,
		baselineValue: null,
		targetYear: null,
		targetValue: null,
		ceiling: null,
		scaleMin: null,
		scaleMax: null,
		articles: [11],
		sdg: ['8.8', '8.8.1'],
		gcm: [6],
		custodian: 'ILO',
		source: 'ILOSTAT',
		methodNotes:
			'Frequency rate of fatal occupational injuries: new fatal cases during the year divided by the number of workers in the reference group, multiplied by 100,000. Record migrant status and sex as disaggregates, e.g. {"migratory_status": "migrant", "sex": "female"}.'
	},
	{
		code: '8.8.2',
		name: {
			en: 'Compliance with labour rights',
			es: 'Cumplimiento de los derechos laborales',
			fr: 'Respect des droits du travail'
		},
		description: {
			en: 'National level of compliance with labour rights (freedom of association and collective bargaining), scored from 0 to 10; lower is better.',
			es: 'Nivel nacional de cumplimiento de los derechos laborales (libertad de asociación y negociación colectiva), puntuado de 0 a 10; cuanto más bajo, mejor.',
			fr: 'Niveau national de respect des droits du travail (liberté d’association et de négociation collective), noté de 0 à 10 ; plus il est bas, mieux c’est.'
		},
		unit: 'score',
		direction: 'decrease',
		baselineYear: null,
		baselineValue: null,
		targetYear: null,
		targetValue: null,
		ceiling: null,
		scaleMin: 0,
		scaleMax: 10,
		articles: [11],
		sdg: ['8.8', '8.8.2'],
		gcm: [6],
		custodian: 'ILO',
		source: 'ILO textual sources and national legislation (ILOSTAT)',
		methodNotes:
			'Coding of violations of freedom of association and collective bargaining rights found in ILO supervisory body texts and national legislation, normalized to a 0–10 scale where 0 is the best possible score (fewest violations) and 10 the worst.'
	},
	{
		code: '17.3.2',
		name: {
			en: 'Remittances as a proportion of GDP',
			es: 'Remesas en proporción al PIB',
			fr: 'Envois de fonds en proportion du PIB'
		},
		description: {
			en: 'Volume of remittances received (in United States dollars) as a percentage of GDP. Context indicator: no target.',
			es: 'Volumen de las remesas recibidas (en dólares de los Estados Unidos) en porcentaje del PIB. Indicador de contexto: sin meta.',
			fr: 'Volume des envois de fonds reçus (en dollars des États-Unis) en pourcentage du PIB. Indicateur de contexte : sans cible.'
		},
		unit: 'percent',
		direction: 'increase',
		baselineYear: null,
		baselineValue: null,
		targetYear: null,
		targetValue: null,
		ceiling: null,
		scaleMin: null,
		scaleMax: null,
		articles: [2],
		sdg: ['17.3', '17.3.2'],
		gcm: [19, 20],
		custodian: 'World Bank',
		source: 'World Bank/KNOMAD remittance data (World Development Indicators)',
		methodNotes:
			'Personal remittances received (personal transfers plus compensation of employees) in current US dollars, divided by GDP in current US dollars, times 100. Shown for context; its trend is not a policy verdict.'
	},
	{
		code: '16.2.2',
		name: {
			en: 'Detected victims of trafficking per 100,000 population',
			es: 'Víctimas de trata detectadas por cada 100.000 habitantes',
			fr: 'Victimes de la traite détectées pour 100 000 habitants'
		},
		description: {
			en: 'Detected victims of trafficking in persons per 100,000 population, by sex, age and form of exploitation. Context indicator: no target.',
			es: 'Víctimas de la trata de personas detectadas por cada 100.000 habitantes, desglosadas por sexo, edad y tipo de explotación. Indicador de contexto: sin meta.',
			fr: 'Victimes de la traite des personnes détectées pour 100 000 habitants, par sexe, âge et forme d’exploitation. Indicateur de contexte : sans cible.'
		},
		unit: 'per_100k',
		direction: 'decrease',
		baselineYear: null,
		baselineValue: null,
		targetYear: null,
		targetValue: null,
		ceiling: null,
		scaleMin: null,
		scaleMax: null,
		articles: [6, 9, 16],
		sdg: ['16.2', '16.2.2'],
		gcm: [10, 7],
		custodian: 'UNODC',
		source: 'UNODC Global Report on Trafficking in Persons',
		methodNotes:
			'Victims detected by national authorities, per 100,000 population. Detection depends on enforcement effort as much as on prevalence: a rise can mean better identification, so read it as context. Disaggregate by sex, age group and form of exploitation where available.'
	}
];
