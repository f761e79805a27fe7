/**
 * Labels of the INSEE legal categories (catégories juridiques, level III) that DataPass applicants mostly have:
 * the public sector (71xx–74xx) and the most common company, association and foundation forms. The search API
 * returns only the code (`nature_juridique`); a code missing here simply has no label.
 * Source: INSEE, nomenclature des catégories juridiques (open data).
 */
const LEGAL_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  '1000': 'Entrepreneur individuel',
  '4110': "Établissement public national à caractère industriel ou commercial doté d'un comptable public",
  '4120': "Établissement public national à caractère industriel ou commercial non doté d'un comptable public",
  '4140': 'Établissement public local à caractère industriel ou commercial',
  '5458': 'SARL coopérative de production (SCOP)',
  '5499': 'Société à responsabilité limitée (sans autre indication)',
  '5510': "SA nationale à conseil d'administration",
  '5599': "SA à conseil d'administration (s.a.i.)",
  '5710': 'SAS, société par actions simplifiée',
  '5720': 'Société par actions simplifiée à associé unique ou société par actions simplifiée unipersonnelle',
  '6540': 'Société civile immobilière',
  '7111': 'Autorité constitutionnelle',
  '7112': 'Autorité administrative ou publique indépendante',
  '7113': 'Ministère',
  '7120': "Service central d'un ministère",
  '7150': 'Service du ministère de la Défense',
  '7160': "Service déconcentré à compétence nationale d'un ministère (hors Défense)",
  '7171': "Service déconcentré de l'État à compétence (inter) régionale",
  '7172': "Service déconcentré de l'État à compétence (inter) départementale",
  '7179': "(Autre) Service déconcentré de l'État à compétence territoriale",
  '7190': 'École nationale non dotée de la personnalité morale',
  '7210': 'Commune et commune nouvelle',
  '7220': 'Département',
  '7225': "Collectivité et territoire d'Outre-Mer",
  '7229': '(Autre) Collectivité territoriale',
  '7230': 'Région',
  '7312': 'Commune associée et commune déléguée',
  '7313': 'Section de commune',
  '7314': 'Ensemble urbain',
  '7321': 'Association syndicale autorisée',
  '7322': 'Association foncière urbaine',
  '7323': 'Association foncière de remembrement',
  '7331': "Établissement public local d'enseignement",
  '7340': 'Pôle métropolitain',
  '7341': 'Secteur de commune',
  '7342': 'District urbain',
  '7343': 'Communauté urbaine',
  '7344': 'Métropole',
  '7345': 'Syndicat intercommunal à vocation multiple (SIVOM)',
  '7346': 'Communauté de communes',
  '7347': 'Communauté de villes',
  '7348': "Communauté d'agglomération",
  '7349': 'Autre établissement public local de coopération non spécialisé ou entente',
  '7351': 'Institution interdépartementale ou entente',
  '7352': 'Institution interrégionale ou entente',
  '7353': 'Syndicat intercommunal à vocation unique (SIVU)',
  '7354': 'Syndicat mixte fermé',
  '7355': 'Syndicat mixte ouvert',
  '7356': 'Commission syndicale pour la gestion des biens indivis des communes',
  '7357': "Pôle d'équilibre territorial et rural (PETR)",
  '7361': "Centre communal d'action sociale",
  '7362': 'Caisse des écoles',
  '7363': 'Caisse de crédit municipal',
  '7364': "Établissement d'hospitalisation",
  '7365': 'Syndicat inter hospitalier',
  '7366': 'Établissement public local social et médico-social',
  '7367': "Centre intercommunal d'action sociale (CIAS)",
  '7371': "Office public d'habitation à loyer modéré (OPHLM)",
  '7372': "Service départemental d'incendie et de secours (SDIS)",
  '7373': 'Établissement public local culturel',
  '7378': "Régie d'une collectivité locale à caractère administratif",
  '7379': '(Autre) Établissement public administratif local',
  '7381': 'Organisme consulaire',
  '7382': "Établissement public national ayant fonction d'administration centrale",
  '7383': 'Établissement public national à caractère scientifique culturel et professionnel',
  '7384': "Autre établissement public national d'enseignement",
  '7385': 'Autre établissement public national administratif à compétence territoriale limitée',
  '7389': 'Établissement public national à caractère administratif',
  '7410': "Groupement d'intérêt public (GIP)",
  '7430': "Établissement public des cultes d'Alsace-Lorraine",
  '7450': 'Établissement public administratif, cercle et foyer dans les armées',
  '7470': 'Groupement de coopération sanitaire à gestion publique',
  '7490': 'Autre personne morale de droit administratif',
  '9210': 'Association non déclarée',
  '9220': 'Association déclarée',
  '9230': "Association déclarée, reconnue d'utilité publique",
  '9300': 'Fondation',
};

/** The label of an INSEE legal category code, or undefined when the code is not in the table. */
export function legalCategoryLabel(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  return Object.hasOwn(LEGAL_CATEGORY_LABELS, code) ? LEGAL_CATEGORY_LABELS[code] : undefined;
}

/** True for the public-sector categories (7xxx: State, local authorities, public bodies). */
export function isPublicSectorCategory(code: string | undefined): boolean {
  return code !== undefined && /^7\d{3}$/.test(code);
}
