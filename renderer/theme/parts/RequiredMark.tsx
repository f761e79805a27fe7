/** The asterisk after the label of a required field. */
export function RequiredMark({ required }: { required?: boolean | undefined }) {
  return required ? <span className="dsfr-required"> *</span> : null;
}
