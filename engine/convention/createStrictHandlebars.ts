import Handlebars from 'handlebars';

type CompilerClass = new () => { nameLookup(parent: unknown, name: string, type: string): unknown };

/**
 * An isolated Handlebars for conventions. In strict mode Handlebars throws on a bare `{{a.b}}` when `b` is
 * absent (what we want: a located "missing value"), and reads helper parameters such as `{{#if a.b}}`
 * leniently, except that a missing *intermediate* object makes it throw a TypeError without a location
 * (`{{#if request.use_case.title}}` without a use case). Its documented extension point, a JavaScriptCompiler
 * subclass overriding `nameLookup`, makes those intermediate lookups null-safe: a parameter is then an
 * optional read at any depth, and a bare mustache still throws on its first absent segment.
 * Prototype access stays forbidden (Handlebars' default, not relaxed here).
 */
export function createStrictHandlebars(): typeof Handlebars {
  const hbs = Handlebars.create();
  const holder = hbs as unknown as { JavaScriptCompiler: CompilerClass };
  const Base = holder.JavaScriptCompiler;
  class NullSafeCompiler extends Base {
    override nameLookup(parent: unknown, name: string, type: string): unknown {
      if (type !== 'context' && type !== 'data') return super.nameLookup(parent, name, type);
      // `parent` is generated code; an absent parent is read as an empty object without prototype.
      return super.nameLookup(['(', parent, ' ?? Object.create(null))'], name, type);
    }
  }
  // Child programs (block bodies) are compiled by `new this.compiler()`: they must use the subclass too.
  (NullSafeCompiler.prototype as unknown as { compiler: unknown }).compiler = NullSafeCompiler;
  holder.JavaScriptCompiler = NullSafeCompiler;
  return hbs;
}
