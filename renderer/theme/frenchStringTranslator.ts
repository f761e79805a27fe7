import { replaceStringParameters, TranslatableString } from '@rjsf/utils';

/** rjsf's own strings in French (`%1`, `%2` are its parameters); a string missing here stays in English. */
const FRENCH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: 'Élément',
  [TranslatableString.MissingItems]: 'Définition des éléments manquante',
  [TranslatableString.EmptyArray]: 'Aucun élément pour le moment. Utilisez le bouton ci-dessous pour en ajouter.',
  [TranslatableString.YesLabel]: 'Oui',
  [TranslatableString.NoLabel]: 'Non',
  [TranslatableString.CloseLabel]: 'Fermer',
  [TranslatableString.ErrorsLabel]: 'Erreurs',
  [TranslatableString.NewStringDefault]: 'Nouvelle valeur',
  [TranslatableString.AddButton]: 'Ajouter',
  [TranslatableString.AddItemButton]: 'Ajouter un élément',
  [TranslatableString.CopyButton]: 'Dupliquer',
  [TranslatableString.MoveDownButton]: 'Descendre',
  [TranslatableString.MoveUpButton]: 'Monter',
  [TranslatableString.RemoveButton]: 'Retirer',
  [TranslatableString.NowLabel]: 'Maintenant',
  [TranslatableString.ClearLabel]: 'Effacer',
  [TranslatableString.AriaDateLabel]: 'Choisir une date',
  [TranslatableString.PreviewLabel]: 'Aperçu',
  [TranslatableString.DecrementAriaLabel]: 'Diminuer de 1',
  [TranslatableString.IncrementAriaLabel]: 'Augmenter de 1',
  [TranslatableString.OptionalObjectAdd]: 'Ajouter des données à ce champ facultatif',
  [TranslatableString.OptionalObjectRemove]: 'Retirer les données de ce champ facultatif',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Aucune donnée pour ce champ facultatif',
  [TranslatableString.Type]: 'Type',
  [TranslatableString.Value]: 'Valeur',
  [TranslatableString.ClearButton]: 'effacer le champ',
  [TranslatableString.UnknownFieldType]: 'Type de champ inconnu %1',
  [TranslatableString.OptionPrefix]: 'Option %1',
  [TranslatableString.TitleOptionPrefix]: '%1, option %2',
  [TranslatableString.KeyLabel]: 'Clé de %1',
  [TranslatableString.DeprecatedLabel]: '%1 (obsolète)',
  [TranslatableString.UnsupportedField]: 'Schéma de champ non pris en charge.',
  [TranslatableString.UnsupportedFieldWithId]: 'Schéma non pris en charge pour le champ `%1`.',
  [TranslatableString.UnsupportedFieldWithReason]: 'Schéma de champ non pris en charge : _%1_.',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: 'Schéma non pris en charge pour le champ `%1` : _%2_.',
  [TranslatableString.FilesInfo]: '**%1** (%2, %3 octets)',
};

/** rjsf's `translateString` in French: the « Oui »/« Non » of a boolean's radios, the labels of its controls. */
export function frenchStringTranslator(stringToTranslate: TranslatableString, params?: string[]): string {
  return replaceStringParameters(FRENCH[stringToTranslate] ?? stringToTranslate, params);
}
