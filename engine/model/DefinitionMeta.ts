/** definition.yaml, as the loader returns it once it matches its meta-schema. */
export interface DefinitionMeta {
  id: string;
  name: string;
  provider: string;
  provider_name?: string;
  description: string;
  kind: 'api' | 'service';
  /** Listed in the catalogue (the default); `false` keeps it off the lists, reachable only by its direct link. */
  public: boolean;
  links: { cgu?: string; access?: string; documentation?: string; [k: string]: string | undefined };
  support_email: string;
  features: { messaging: boolean; reopening: boolean; transfer: boolean };
  /** Sandbox → production chaining: a sandbox names its next stage, a production stage its previous one. */
  stage?: { kind: 'sandbox'; next: string } | { kind: 'production'; previous: string };
  scopes: ScopeGroup[];
  use_cases: UseCase[];
  attestations: Attestation[];
  /** Extra workflow roles beyond the built-in ones (e.g. `opinion_giver`). */
  roles: string[];
}

export interface ScopeGroup {
  group: string;
  items: Scope[];
}

export interface Scope {
  value: string;
  label: string;
  help?: string;
  /** Where the data is documented (the provider's catalogue), shown beside the label. */
  link?: string;
  included?: boolean;
  disabled?: boolean;
  deprecated?: { since: string };
}

export interface UseCase {
  id: string;
  title: string;
  description?: string;
  /** Data the request starts with. */
  prefill?: Record<string, unknown>;
  /** JSON pointers into the data that the applicant may not change. */
  locked?: string[];
  /** The only scopes offered by this use case (all when absent). */
  scopes?: string[];
  /** The steps shown to the applicant (all when absent); hidden steps must be fully prefilled. */
  steps?: string[];
}

export interface Attestation {
  id: string;
  label: string;
}
