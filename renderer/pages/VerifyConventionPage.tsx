import { Alert } from '../components/Alert.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { dateTimeFr } from '../format/frenchDates.js';
import { Page } from '../frame/Page.js';
import type { PageContext } from '../frame/PageContext.js';

/** A genuine convention as the verification page shows it. */
export interface VerifiedConvention {
  format: 'html' | 'pdf';
  issuedAt: string;
  authorization: { id: string; state: string; obsoletedAt?: string | undefined; revokedAt?: string | undefined };
  request: { id: string };
  definition: { name: string };
  organization: { name: string; siret: string };
}

export interface VerifyConventionPageProps {
  page: PageContext;
  /** The fingerprint asked about, as typed. */
  asked?: string | undefined;
  /** The answer: a genuine convention, `unknown`, or `invalid` when what was typed is no SHA-256. */
  result?: VerifiedConvention | 'unknown' | 'invalid' | undefined;
}

const STATES: Record<string, string> = {
  active: 'en vigueur',
  obsolete: 'remplacée par une habilitation plus récente',
  revoked: 'révoquée',
};

/**
 * Anyone checks here that a convention is genuine: they give its SHA-256 (or pick the file, which the page's
 * script hashes in the browser without sending it), and the platform says for which authorization it was
 * issued and whether that authorization is still in force.
 */
export function VerifyConventionPage({ page, asked, result }: VerifyConventionPageProps) {
  return (
    <Page page={page} title="Vérifier une convention" script="verifyConvention.js">
      <Breadcrumb items={[{ label: 'Vérifier une convention' }]} />
      <h1>Vérifier une convention</h1>
      <p>
        Chaque convention délivrée par DataPass est enregistrée au moment de la validation de l’habilitation, avec l’empreinte SHA-256 de son fichier PDF et de sa version HTML. Un document modifié, même d’un seul caractère, n’a plus la même empreinte.
      </p>
      {result === 'invalid' ? (
        <Alert kind="error" title="Empreinte invalide" id="resultat">
          <p>Une empreinte SHA-256 s’écrit avec 64 chiffres hexadécimaux (0 à 9 et a à f).</p>
        </Alert>
      ) : result === 'unknown' ? (
        <Alert kind="error" title="Document inconnu" id="resultat">
          <p>Aucune convention délivrée par DataPass n’a cette empreinte : le document a été modifié, ou il ne vient pas de la plateforme.</p>
        </Alert>
      ) : result ? (
        <Alert kind="success" title="Convention authentique" id="resultat">
          <p>
            Ce document ({result.format === 'pdf' ? 'PDF' : 'HTML'}) est la convention de l’habilitation <strong>{result.authorization.id}</strong>, délivrée le {dateTimeFr(result.issuedAt)}.
          </p>
          <dl className="datapass-summary">
            <div className="datapass-summary__row">
              <dt>Organisation</dt>
              <dd>
                {result.organization.name} (SIRET {result.organization.siret})
              </dd>
            </div>
            <div className="datapass-summary__row">
              <dt>Habilitation</dt>
              <dd>{result.definition.name}</dd>
            </div>
            <div className="datapass-summary__row">
              <dt>Demande</dt>
              <dd>{result.request.id}</dd>
            </div>
            <div className="datapass-summary__row">
              <dt>État aujourd’hui</dt>
              <dd>
                {STATES[result.authorization.state] ?? result.authorization.state}
                {result.authorization.revokedAt ? ` depuis le ${dateTimeFr(result.authorization.revokedAt)}` : result.authorization.obsoletedAt ? ` depuis le ${dateTimeFr(result.authorization.obsoletedAt)}` : ''}
              </dd>
            </div>
          </dl>
        </Alert>
      ) : null}
      <form method="get" action="/conventions/verifier" className="fr-mb-4w" id="verification">
        <div className="fr-upload-group fr-mb-3w" id="fichier-groupe" hidden>
          <label className="fr-label" htmlFor="fichier">
            Fichier de la convention
            <span className="fr-hint-text">PDF ou HTML tel que téléchargé depuis DataPass. Le fichier reste sur votre ordinateur : seule son empreinte est calculée.</span>
          </label>
          <input className="fr-upload" type="file" id="fichier" accept=".pdf,.html,application/pdf,text/html" />
        </div>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="empreinte">
            Empreinte SHA-256 du document
            <span className="fr-hint-text">64 caractères, par exemple le résultat de « sha256sum convention.pdf ».</span>
          </label>
          <input className="fr-input" type="text" id="empreinte" name="empreinte" defaultValue={asked ?? ''} spellCheck={false} autoComplete="off" pattern="\s*[0-9a-fA-F]{64}\s*" required />
        </div>
        <button className="fr-btn" type="submit">
          Vérifier
        </button>
      </form>
    </Page>
  );
}
