import type { Step } from '../../../engine/model/Definition.js';
import type { DefinitionMeta } from '../../../engine/model/DefinitionMeta.js';
import type { JsonSchema } from '../../../engine/schema/JsonSchema.js';
import { createSubmissionValidator } from '../../../engine/validate/index.js';

/**
 * A small form with every kind of rule the common blocks use: a person-or-organisation contact
 * (if/then/else), a technical contact whose phone must be a mobile (allOf refinement), a legal basis
 * needing a URL or a document (anyOf with errorMessage), a retention over 36 months needing a
 * justification (if/then), scopes, and a root rule across two steps.
 */
export const SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  definitions: {
    contact: {
      type: 'object',
      properties: {
        type: { type: 'string', title: 'Ce contact est', default: 'person', oneOf: [{ const: 'person', title: 'Une personne' }, { const: 'organization', title: 'Une adresse générique' }] },
        email: { type: 'string', title: 'Adresse e-mail', format: 'email', maxLength: 255 },
        phone_number: { type: 'string', title: 'Téléphone', format: 'phone_fr' },
      },
      required: ['email', 'phone_number'],
      if: { properties: { type: { const: 'organization' } }, required: ['type'] },
      then: {},
      else: {
        properties: {
          family_name: { type: 'string', title: 'Nom', minLength: 1 },
          given_name: { type: 'string', title: 'Prénom', minLength: 1 },
          job_title: { type: 'string', title: 'Fonction', minLength: 1 },
        },
        required: ['family_name', 'given_name', 'job_title'],
      },
    },
    contact_mobile: {
      allOf: [{ $ref: '#/definitions/contact' }, { properties: { phone_number: { type: 'string', title: 'Téléphone', format: 'mobile_fr' } } }],
    },
  },
  properties: {
    basic_infos: {
      type: 'object',
      title: 'Le projet',
      'x-help': 'an annotation of the provider team, ignored by validation',
      properties: {
        intitule: { type: 'string', title: 'Intitulé du projet', minLength: 3, maxLength: 100 },
        description: { type: 'string', title: 'Description', minLength: 1 },
        date_prevue_mise_en_production: { type: 'string', title: 'Date de mise en production', format: 'date' },
      },
      required: ['intitule', 'description'],
    },
    legal: {
      type: 'object',
      title: 'Cadre juridique',
      properties: {
        cadre_juridique_nature: { type: 'string', title: 'Nature du texte', minLength: 1 },
        cadre_juridique_url: { type: 'string', title: 'URL du texte', format: 'url' },
        cadre_juridique_document: { type: 'array', title: 'Texte au format PDF', items: { type: 'string' }, maxItems: 6 },
      },
      required: ['cadre_juridique_nature'],
      anyOf: [{ required: ['cadre_juridique_url'] }, { required: ['cadre_juridique_document'] }],
      errorMessage: { anyOf: "Indiquez l'URL du texte ou joignez-le au format PDF." },
    },
    scopes: { type: 'array', title: 'Données demandées', items: { type: 'string' } },
    personal_data: {
      type: 'object',
      title: 'Données personnelles',
      properties: {
        duree_conservation: { type: 'integer', title: 'Durée de conservation (en mois)', minimum: 1 },
      },
      required: ['duree_conservation'],
      // The condition names the type, so that a duration of the wrong type reports only its type.
      if: { properties: { duree_conservation: { type: 'integer', exclusiveMinimum: 36 } }, required: ['duree_conservation'] },
      then: {
        properties: { justification: { type: 'string', title: 'Justification de la durée', minLength: 1 } },
        required: ['justification'],
      },
    },
    contacts: {
      type: 'object',
      title: 'Contacts',
      properties: {
        responsable_traitement: { title: 'Responsable de traitement', $ref: '#/definitions/contact' },
        delegue_protection_donnees: { title: 'Délégué à la protection des données', $ref: '#/definitions/contact' },
        contact_technique: { title: 'Contact technique', $ref: '#/definitions/contact_mobile' },
      },
      required: ['responsable_traitement', 'delegue_protection_donnees', 'contact_technique'],
    },
  },
  required: ['basic_infos', 'legal', 'scopes', 'personal_data', 'contacts'],
  // Asking for the family quotient needs the text's URL: a rule across the legal and scopes steps.
  allOf: [
    {
      if: { properties: { scopes: { contains: { const: 'cnaf_quotient_familial' } } }, required: ['scopes'] },
      then: { properties: { legal: { required: ['cadre_juridique_url'] } } },
    },
  ],
};

export const STEPS: Step[] = [
  { id: 'basic_infos', title: 'Le projet' },
  { id: 'legal', title: 'Cadre juridique' },
  { id: 'scopes', title: 'Données demandées' },
  { id: 'personal_data', title: 'Données personnelles' },
  { id: 'contacts', title: 'Contacts' },
];

export const META: DefinitionMeta = {
  id: 'api-test',
  name: 'API Test',
  provider: 'test',
  description: 'Une API de test.',
  kind: 'api',
  public: true,
  links: { cgu: 'https://exemple.gouv.fr/cgu' },
  support_email: 'support@exemple.gouv.fr',
  features: { messaging: true, reopening: true, transfer: true },
  scopes: [
    {
      group: 'Quotient familial',
      items: [
        { value: 'cnaf_quotient_familial', label: 'Quotient familial' },
        { value: 'cnaf_allocataires', label: 'Allocataires' },
        { value: 'cnaf_adresse', label: 'Adresse', included: true },
      ],
    },
    {
      group: 'Autres',
      items: [
        { value: 'pole_emploi_identite', label: 'Identité France Travail' },
        { value: 'ancienne_donnee', label: 'Ancienne donnée', deprecated: { since: '2024-01-01' } },
        { value: 'donnee_fermee', label: 'Donnée fermée', disabled: true },
      ],
    },
  ],
  use_cases: [
    {
      id: 'cantine',
      title: 'Tarification de la cantine',
      prefill: {
        legal: { cadre_juridique_nature: 'Article L. 114-8 du CRPA', cadre_juridique_url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038029589' },
        scopes: ['cnaf_quotient_familial'],
      },
      locked: ['/legal/cadre_juridique_nature', '/legal/cadre_juridique_url'],
      scopes: ['cnaf_quotient_familial', 'cnaf_allocataires', 'cnaf_adresse'],
    },
  ],
  attestations: [{ id: 'alternative_connexion', label: 'Le service propose une autre façon de se connecter' }],
  roles: [],
};

/** A complete, valid submission of the form. */
export function validData(): Record<string, unknown> {
  return {
    basic_infos: { intitule: 'Tarifs de la cantine', description: 'Appliquer le tarif qui correspond au quotient familial.' },
    legal: { cadre_juridique_nature: 'Délibération du 12 mars 2024', cadre_juridique_url: 'www.exemple-commune.fr/deliberations/2024-03-12' },
    scopes: ['cnaf_quotient_familial', 'cnaf_adresse'],
    personal_data: { duree_conservation: 12 },
    contacts: {
      responsable_traitement: { type: 'person', family_name: 'Martin', given_name: 'Camille', job_title: 'Maire', email: 'maire@exemple-commune.fr', phone_number: '01 23 45 67 89' },
      delegue_protection_donnees: { type: 'organization', email: 'dpo@exemple-commune.fr', phone_number: '+33 1 23 45 67 00' },
      contact_technique: { family_name: 'Durand', given_name: 'Alex', job_title: 'DSI', email: 'dsi@exemple-commune.fr', phone_number: '06 12 34 56 78' },
    },
    terms: { cgu: true, dpo_informed: true, alternative_connexion: true },
  };
}

/** A fresh validator of the test form (each test its own, so caches start empty). */
export function testValidator() {
  return createSubmissionValidator({ schema: SCHEMA, meta: META, steps: STEPS });
}
