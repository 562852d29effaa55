/**
 * PropertiesService / Properties: https://developers.google.com/apps-script/reference/properties/properties
 * Values are stored as strings. User properties are keyed by the active user's email.
 */
import type { Execution } from './context';
import { wrap } from './counter';
import { checkProperties } from './limits';

function newProperties(ctx: Execution, store: () => Record<string, string>): unknown {
  const props = {
    getProperty(key: string): string | null {
      const s = store();
      return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null;
    },
    setProperty(key: string, value: unknown) {
      const s = store();
      checkProperties(ctx, s, { [String(key)]: String(value) });
      s[String(key)] = String(value);
      return props;
    },
    setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
      const s = store();
      const changes: Record<string, string> = {};
      for (const [k, v] of Object.entries(properties ?? {})) changes[k] = String(v);
      checkProperties(ctx, s, changes, !!deleteAllOthers);
      if (deleteAllOthers) for (const k of Object.keys(s)) delete s[k];
      Object.assign(s, changes);
      return props;
    },
    getProperties(): Record<string, string> {
      return { ...store() };
    },
    getKeys(): string[] {
      return Object.keys(store());
    },
    deleteProperty(key: string) {
      delete store()[String(key)];
      return props;
    },
    deleteAllProperties() {
      const s = store();
      for (const k of Object.keys(s)) delete s[k];
      return props;
    },
  };
  return wrap(ctx, 'Properties', props);
}

export function createPropertiesService(ctx: Execution): unknown {
  const p = () => ctx.state.properties;
  return wrap(ctx, 'PropertiesService', {
    getDocumentProperties: () => newProperties(ctx, () => p().document),
    getScriptProperties: () => newProperties(ctx, () => p().script),
    getUserProperties: () =>
      newProperties(ctx, () => {
        const user = p().user;
        return (user[ctx.userEmail] ??= {});
      }),
  });
}
