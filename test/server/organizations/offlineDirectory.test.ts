import assert from 'node:assert/strict';
import {
  canStartRequest,
  checkSiret,
  createOfflineDirectory,
  datasetSirets,
  DEMO_SIRETS,
  mapSearchResponse,
  offlineDataset,
  offlineSearch,
  type DirectoryAnswer,
  type Establishment,
} from '../../../server/organizations/index.js';
import { luhn } from '../../../engine/formats/index.js';

function found(answer: DirectoryAnswer): Establishment {
  assert.equal(answer.kind, 'found', JSON.stringify(answer));
  return (answer as Extract<DirectoryAnswer, { kind: 'found' }>).establishment;
}

describe('the offline directory', () => {
  const directory = createOfflineDirectory();
  const dataset = offlineDataset();
  const sirets = datasetSirets();

  it('is stored as a search response of the API: { results: [legal unit with siege and etablissements] }', () => {
    assert.ok(Array.isArray(dataset.results) && dataset.results.length >= 8);
    for (const unit of dataset.results) {
      assert.match(unit.siren ?? '', /^\d{9}$/);
      assert.ok(unit.nom_complet, unit.siren!);
      assert.match(unit.nature_juridique ?? '', /^\d{4}$/, unit.siren!);
      assert.ok(unit.siege && unit.etablissements, unit.siren!);
      assert.equal(unit.siege.est_siege, true, unit.siren!);
      assert.deepEqual(unit.etablissements.find((e) => e.siret === unit.siege!.siret), unit.siege, `${unit.siren}: the head office is listed among the establishments, identically`);
      assert.equal(unit.etablissements.filter((e) => e.est_siege).length, 1, unit.siren!);
    }
  });

  it('holds about ten establishments, each with a valid SIRET under its SIREN, each found and mapped', async () => {
    assert.ok(sirets.length >= 10, `${sirets.length} establishments`);
    for (const unit of dataset.results) {
      for (const etablissement of unit.etablissements!) {
        const siret = etablissement.siret!;
        assert.deepEqual(checkSiret(siret), { ok: true, siret });
        assert.ok(siret.startsWith(unit.siren!), siret);
        assert.ok(['A', 'F'].includes(etablissement.etat_administratif!), siret);
        assert.match(etablissement.code_postal!, /^\d{5}$/, siret);
        // NAF rev. 2 ("84.11Z"), or an older nomenclature for long-closed establishments ("55.2E").
        assert.match(etablissement.activite_principale!, /^\d{2}\.\d{1,2}[A-Z]$/, siret);

        const establishment = found(await directory.lookup(siret));
        assert.equal(establishment.siret, siret);
        assert.equal(establishment.siren, unit.siren);
        assert.ok(establishment.name.startsWith(unit.nom_complet!), establishment.name);
        assert.equal(establishment.legalCategory, unit.nature_juridique);
        assert.ok(establishment.legalCategoryLabel, `${siret}: a label for ${unit.nature_juridique}`);
        assert.equal(establishment.postalCode, etablissement.code_postal);
        assert.equal(establishment.city, etablissement.libelle_commune);
        assert.equal(establishment.nafCode, etablissement.activite_principale);
        assert.equal(establishment.closed, etablissement.etat_administratif === 'F');
        assert.deepEqual(establishment.inseePayload.matching_etablissements, [etablissement], 'the payload has the API shape');
        assert.equal('etablissements' in establishment.inseePayload, false, "the unit's full list is not in the payload");
      }
    }
  });

  it('maps through the same code as the API adapter', async () => {
    for (const siret of sirets) {
      assert.deepEqual(await directory.lookup(siret), mapSearchResponse(offlineSearch(dataset.results, siret), siret));
    }
  });

  it('knows every demo SIRET, in the role it has', async () => {
    for (const [role, siret] of Object.entries(DEMO_SIRETS)) {
      assert.ok(sirets.includes(siret), `${role} ${siret} is in the dataset`);
      found(await directory.lookup(siret));
    }
    const communeA = found(await directory.lookup(DEMO_SIRETS.communeA));
    const communeB = found(await directory.lookup(DEMO_SIRETS.communeB));
    for (const commune of [communeA, communeB]) {
      assert.equal(commune.legalCategory, '7210');
      assert.equal(canStartRequest(commune), true);
    }
    assert.notEqual(communeA.siren, communeB.siren, 'two organisations');
    assert.match(found(await directory.lookup(DEMO_SIRETS.dinum)).name, /DINUM/);
    assert.match(found(await directory.lookup(DEMO_SIRETS.dgfip)).name, /FINANCES PUBLIQUES/);
    assert.equal(found(await directory.lookup(DEMO_SIRETS.departement)).legalCategory, '7220');
    assert.equal(found(await directory.lookup(DEMO_SIRETS.company)).legalCategory?.startsWith('7'), false, 'the company is not public');
  });

  it('has exactly one closed establishment, the demo one, which cannot start a request', async () => {
    const closed: string[] = [];
    for (const siret of sirets) if (found(await directory.lookup(siret)).closed) closed.push(siret);
    assert.deepEqual(closed, [DEMO_SIRETS.closed]);
    const establishment = found(await directory.lookup(DEMO_SIRETS.closed));
    assert.equal(canStartRequest(establishment), false);
  });

  it('has a La Poste establishment that passes only La Poste rule', async () => {
    assert.ok(DEMO_SIRETS.laPoste.startsWith('356000000'));
    assert.equal(luhn(DEMO_SIRETS.laPoste), false);
    const laPoste = found(await directory.lookup('356 000 000 49837'));
    assert.equal(laPoste.siret, DEMO_SIRETS.laPoste);
    assert.equal(laPoste.name, 'LA POSTE');
    assert.equal(laPoste.closed, false);
  });

  it('answers not_found for an unknown SIRET and for an invalid one', async () => {
    assert.deepEqual(await directory.lookup('13002526500021'), { kind: 'not_found' }, 'valid, unknown establishment of a known SIREN');
    assert.deepEqual(await directory.lookup('73282932000074'), { kind: 'not_found' }, 'valid, unknown SIREN');
    assert.deepEqual(await directory.lookup('13002526500014'), { kind: 'not_found' }, 'invalid');
    assert.deepEqual(await directory.lookup(''), { kind: 'not_found' });
  });

  it('accepts spaces in the SIRET', async () => {
    assert.equal(found(await directory.lookup(' 219 200 235 00014 ')).siret, DEMO_SIRETS.communeA);
  });

  it('can answer from another dataset', async () => {
    const own = createOfflineDirectory([{ siren: '130025265', nom_complet: 'TEST', siege: { siret: '13002526500013', est_siege: true, etat_administratif: 'A' } }]);
    const establishment = found(await own.lookup('13002526500013'));
    assert.deepEqual({ ...establishment, inseePayload: undefined }, { siret: '13002526500013', siren: '130025265', name: 'TEST', closed: false, inseePayload: undefined });
    assert.deepEqual(await own.lookup('21920023500014'), { kind: 'not_found' });
  });
});
