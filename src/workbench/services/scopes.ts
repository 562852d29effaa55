/**
 * Authorization scopes. Every emulated method has an entry here: the scopes its Apps Script
 * reference page lists under "Authorization" ("Scripts that use this method require
 * authorization with one or more of the following scopes"); any one of them grants the call.
 * An empty list means the page lists no scopes. A method without an entry throws when called
 * (and test/workbench/services/scopes.test.ts fails), so a newly emulated method is classified.
 *
 * The granted scopes are the manifest's `oauthScopes` (<distDir>/appsscript.json). A manifest
 * without `oauthScopes` (or no manifest) means automatic scope detection: everything is granted.
 * https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes
 *
 * Apps Script's wording when an explicit `oauthScopes` lacks the scope (reported from live runs,
 * e.g. "Specified permissions are not sufficient to call Session.getActiveUser. Required
 * permissions: https://www.googleapis.com/auth/userinfo.email"); several scopes are written
 * "(a || b)" as in "Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly
 * || https://www.googleapis.com/auth/spreadsheets)". See docs/FIDELITY.md "Scopes".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Execution } from './context';

const AUTH = 'https://www.googleapis.com/auth/';
export const SPREADSHEETS_CURRENTONLY = `${AUTH}spreadsheets.currentonly`;
export const SPREADSHEETS = `${AUTH}spreadsheets`;
export const CONTAINER_UI = `${AUTH}script.container.ui`;
export const USERINFO_EMAIL = `${AUTH}userinfo.email`;

type Scopes = readonly string[];
const NONE: Scopes = [];
const SHEETS: Scopes = [SPREADSHEETS_CURRENTONLY, SPREADSHEETS];
const UI: Scopes = [CONTAINER_UI];
const EMAIL: Scopes = [USERINFO_EMAIL];

export type ScopeStatus = 'reference' | 'measured' | 'assumed';

interface Group {
  scopes: Scopes;
  status: ScopeStatus;
  /** Space-separated method names. */
  methods: string;
}

interface ClassScopes {
  page: string;
  groups: Group[];
}

const REF = 'https://developers.google.com/apps-script/reference/';

/** Spreadsheet-service class whose methods all take the Sheets scopes. */
function sheets(page: string, status: ScopeStatus, methods: string): ClassScopes {
  return { page: REF + page, groups: [{ scopes: SHEETS, status, methods }] };
}

function free(page: string, methods: string): ClassScopes {
  return { page: REF + page, groups: [{ scopes: NONE, status: 'reference', methods }] };
}

/**
 * The table. Status per group: reference = read on the cited page; measured = Apps Script's
 * own error reported it; assumed = the page's section was not available, the workbench requires
 * the Sheets scopes like the rest of the Spreadsheet service (the strict side).
 */
export const SCOPE_TABLE: Readonly<Record<string, ClassScopes>> = {
  SpreadsheetApp: {
    page: `${REF}spreadsheet/spreadsheet-app`,
    groups: [
      {
        scopes: SHEETS,
        status: 'measured',
        methods: 'getActiveSpreadsheet',
      },
      {
        scopes: SHEETS,
        status: 'reference',
        methods: 'flush getActive getActiveRange getActiveSheet',
      },
      { scopes: SHEETS, status: 'assumed', methods: 'getUi newConditionalFormatRule newDataValidation' },
    ],
  },
  Spreadsheet: sheets(
    'spreadsheet/spreadsheet',
    'reference',
    'addDeveloperMetadata createDeveloperMetadataFinder deleteActiveSheet deleteSheet getActiveRange ' +
      'getActiveSheet getDataRange getDeveloperMetadata getId getName getNumSheets getProtections getRange ' +
      'getRangeList getSheetById getSheetByName getSheets getSpreadsheetLocale getSpreadsheetTimeZone getUrl ' +
      'insertSheet moveActiveSheet rename setActiveSheet setSpreadsheetLocale setSpreadsheetTimeZone toast',
  ),
  Sheet: sheets(
    'spreadsheet/sheet',
    'reference',
    'activate addDeveloperMetadata appendRow autoResizeColumn autoResizeColumns autoResizeRows clear ' +
      'clearConditionalFormatRules clearContents clearFormats clearNotes createDeveloperMetadataFinder ' +
      'deleteColumn deleteColumns deleteRow deleteRows getCharts getColumnWidth getConditionalFormatRules ' +
      'getDataRange getDeveloperMetadata getFrozenColumns getFrozenRows getIndex getLastColumn getLastRow ' +
      'getMaxColumns getMaxRows getName getParent getProtections getRange getRangeList getRowHeight ' +
      'getSheetId getSheetName getSheetValues getTabColor hideColumns hideRows hideSheet insertChart ' +
      'insertColumnAfter insertColumnBefore insertColumns insertColumnsAfter insertColumnsBefore ' +
      'insertRowAfter insertRowBefore insertRows insertRowsAfter insertRowsBefore isColumnHiddenByUser ' +
      'isRowHiddenByUser isSheetHidden newChart protect removeChart setColumnWidth setColumnWidths ' +
      'setConditionalFormatRules setFrozenColumns setFrozenRows setName setRowHeight setRowHeights ' +
      'setRowHeightsForced setTabColor showColumns showRows showSheet updateChart',
  ),
  Range: sheets(
    'spreadsheet/range',
    'reference',
    'activate activateAsCurrentCell breakApart clear clearContent clearDataValidations clearFormat ' +
      'clearNote copyTo getA1Notation getBackground getBackgrounds getCell getColumn getDataValidation ' +
      'getDataValidations getDisplayValue getDisplayValues getFontColor getFontColors getFontFamilies ' +
      'getFontFamily getFontLine getFontLines getFontSize getFontSizes getFontStyle getFontStyles ' +
      'getFontWeight getFontWeights getFormula getFormulas getGridId getHeight getHorizontalAlignment ' +
      'getHorizontalAlignments getLastColumn getLastRow getMergedRanges getNote getNotes getNumColumns ' +
      'getNumRows getNumberFormat getNumberFormats getRow getRowIndex getSheet getValue getValues ' +
      'getVerticalAlignment getVerticalAlignments getWidth getWrap getWrapStrategies getWrapStrategy ' +
      'getWraps insertCheckboxes isBlank isPartOfMerge merge mergeAcross mergeVertically offset protect ' +
      'setBackground setBackgroundRGB setBackgrounds setBorder setDataValidation setDataValidations ' +
      'setFontColor setFontColors setFontFamilies setFontFamily setFontLine setFontLines setFontSize ' +
      'setFontSizes setFontStyle setFontStyles setFontWeight setFontWeights setFormula setFormulas ' +
      'setHorizontalAlignment setHorizontalAlignments setNote setNotes setNumberFormat setNumberFormats ' +
      'setTextRotation setValue setValues setVerticalAlignment setVerticalAlignments setWrap ' +
      'setWrapStrategies setWrapStrategy setWraps',
  ),
  RangeList: sheets(
    'spreadsheet/range-list',
    'assumed',
    'activate breakApart clear clearContent clearDataValidations clearFormat clearNote getRanges ' +
      'insertCheckboxes setBackground setBackgroundRGB setBorder setDataValidation setFontColor ' +
      'setFontFamily setFontLine setFontSize setFontStyle setFontWeight setFormula setHorizontalAlignment ' +
      'setNote setNumberFormat setTextRotation setValue setVerticalAlignment setWrap setWrapStrategy',
  ),
  DataValidationBuilder: sheets(
    'spreadsheet/data-validation-builder',
    'assumed',
    'build copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText requireCheckbox requireDate ' +
      'requireDateAfter requireDateBefore requireDateBetween requireDateEqualTo requireDateNotBetween ' +
      'requireDateOnOrAfter requireDateOnOrBefore requireFormulaSatisfied requireNumberBetween ' +
      'requireNumberEqualTo requireNumberGreaterThan requireNumberGreaterThanOrEqualTo requireNumberLessThan ' +
      'requireNumberLessThanOrEqualTo requireNumberNotBetween requireNumberNotEqualTo requireTextContains ' +
      'requireTextDoesNotContain requireTextEqualTo requireTextIsEmail requireTextIsUrl requireValueInList ' +
      'requireValueInRange setAllowInvalid setHelpText withCriteria',
  ),
  DataValidation: sheets(
    'spreadsheet/data-validation',
    'assumed',
    'copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText',
  ),
  ConditionalFormatRuleBuilder: sheets(
    'spreadsheet/conditional-format-rule-builder',
    'assumed',
    'build copy getBooleanCondition getGradientCondition getRanges setBackground setBold setFontColor ' +
      'setItalic setRanges setStrikethrough setUnderline whenCellEmpty whenCellNotEmpty whenDateAfter ' +
      'whenDateBefore whenDateEqualTo whenFormulaSatisfied whenNumberBetween whenNumberEqualTo ' +
      'whenNumberGreaterThan whenNumberGreaterThanOrEqualTo whenNumberLessThan whenNumberLessThanOrEqualTo ' +
      'whenNumberNotBetween whenNumberNotEqualTo whenTextContains whenTextDoesNotContain whenTextEndsWith ' +
      'whenTextEqualTo whenTextStartsWith withCriteria',
  ),
  ConditionalFormatRule: sheets(
    'spreadsheet/conditional-format-rule',
    'assumed',
    'copy getBooleanCondition getGradientCondition getRanges',
  ),
  BooleanCondition: sheets(
    'spreadsheet/boolean-condition',
    'assumed',
    'getBackground getBold getCriteriaType getCriteriaValues getFontColor getItalic getStrikethrough ' +
      'getUnderline',
  ),
  EmbeddedChartBuilder: sheets(
    'spreadsheet/embedded-chart-builder',
    'assumed',
    'addRange asAreaChart asBarChart asColumnChart asComboChart asHistogramChart asLineChart asPieChart ' +
      'asScatterChart asTableChart build clearRanges getChartType getRanges removeRange setChartType ' +
      'setColors setDimensions setHiddenDimensionStrategy setLegendPosition setMergeStrategy setNumHeaders ' +
      'setOption setPosition setStacked setTitle setTransposeRowsAndColumns setXAxisTitle setYAxisTitle',
  ),
  EmbeddedChart: sheets(
    'spreadsheet/embedded-chart',
    'assumed',
    'getChartId getContainerInfo getHiddenDimensionStrategy getId getMergeStrategy getNumHeaders ' +
      'getOptions getRanges getTransposeRowsAndColumns getType modify',
  ),
  ChartOptions: sheets('charts/chart-options', 'assumed', 'get getOrDefault'),
  ContainerInfo: sheets(
    'spreadsheet/container-info',
    'assumed',
    'getAnchorColumn getAnchorRow getOffsetX getOffsetY',
  ),
  Protection: sheets(
    'spreadsheet/protection',
    'assumed',
    'addEditor addEditors canDomainEdit canEdit getDescription getEditors getProtectionType getRange ' +
      'getUnprotectedRanges isWarningOnly remove removeEditor removeEditors setDescription setDomainEdit ' +
      'setUnprotectedRanges setWarningOnly',
  ),
  DeveloperMetadata: sheets(
    'spreadsheet/developer-metadata',
    'assumed',
    'getId getKey getLocation getValue getVisibility remove setKey setValue setVisibility',
  ),
  DeveloperMetadataFinder: sheets(
    'spreadsheet/developer-metadata-finder',
    'assumed',
    'find withId withKey withValue withVisibility',
  ),
  DeveloperMetadataLocation: sheets(
    'spreadsheet/developer-metadata-location',
    'assumed',
    'getLocationType getSheet getSpreadsheet',
  ),
  Charts: free('charts/charts', ''),
  Ui: {
    page: `${REF}base/ui`,
    groups: [
      { scopes: UI, status: 'measured', methods: 'showModalDialog' },
      { scopes: UI, status: 'reference', methods: 'alert prompt showModelessDialog showSidebar' },
      // Menus are built before the user authorizes the add-on (AuthMode.NONE):
      // https://developers.google.com/workspace/add-ons/concepts/menus
      { scopes: NONE, status: 'reference', methods: 'createAddonMenu createMenu' },
    ],
  },
  Menu: free('base/menu', 'addItem addSeparator addSubMenu addToUi'),
  PromptResponse: free('base/prompt-response', 'getResponseText getSelectedButton'),
  Session: {
    page: `${REF}base/session`,
    groups: [
      { scopes: EMAIL, status: 'reference', methods: 'getActiveUser getEffectiveUser' },
      {
        scopes: NONE,
        status: 'reference',
        methods: 'getActiveUserLocale getScriptTimeZone getTemporaryActiveUserKey',
      },
    ],
  },
  User: {
    page: `${REF}base/user`,
    groups: [{ scopes: EMAIL, status: 'assumed', methods: 'getEmail' }],
  },
  LockService: free('lock/lock-service', 'getDocumentLock getScriptLock getUserLock'),
  Lock: free('lock/lock', 'hasLock releaseLock tryLock waitLock'),
  PropertiesService: free(
    'properties/properties-service',
    'getDocumentProperties getScriptProperties getUserProperties',
  ),
  Properties: free(
    'properties/properties',
    'deleteAllProperties deleteProperty getKeys getProperties getProperty setProperties setProperty',
  ),
  HtmlService: free('html/html-service', 'createHtmlOutput createHtmlOutputFromFile'),
  HtmlOutput: free(
    'html/html-output',
    'addMetaTag append appendUntrusted clear getContent getHeight getTitle getWidth setContent ' +
      'setFaviconUrl setHeight setSandboxMode setTitle setWidth setXFrameOptionsMode',
  ),
  Utilities: free(
    'utilities/utilities',
    'base64Decode base64DecodeWebSafe base64Encode base64EncodeWebSafe formatDate formatString getUuid ' +
      'newBlob parseCsv sleep',
  ),
  Blob: free('base/blob', 'getBytes getContentType getDataAsString getName setContentType setName'),
  Logger: free('base/logger', 'clear getLog log'),
  ScriptApp: free('script/script-app', ''),
};

const byMethod = new Map<string, Scopes>();
for (const [cls, entry] of Object.entries(SCOPE_TABLE)) {
  for (const group of entry.groups) {
    for (const m of group.methods.split(/\s+/).filter(Boolean)) {
      const key = `${cls}.${m}`;
      if (byMethod.has(key)) throw new Error(`scopes.ts: ${key} is listed twice`);
      byMethod.set(key, group.scopes);
    }
  }
}

/** The scopes that grant Class.method (any one of them); undefined when unclassified. */
export function requiredScopes(cls: string, method: string): Scopes | undefined {
  return byMethod.get(`${cls}.${method}`);
}

/** Every classified "Class.method". */
export function classifiedMethods(): string[] {
  return [...byMethod.keys()];
}

const manifests = new Map<string, { mtimeMs: number; scopes: ReadonlySet<string> | null }>();

/** The manifest's oauthScopes, or null for automatic detection (no manifest, no oauthScopes). */
export function grantedScopes(distDir: string): ReadonlySet<string> | null {
  const file = path.join(distDir, 'appsscript.json');
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const hit = manifests.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.scopes;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { oauthScopes?: unknown };
  const scopes = Array.isArray(manifest.oauthScopes)
    ? new Set(manifest.oauthScopes.map((s) => String(s)))
    : null;
  manifests.set(file, { mtimeMs, scopes });
  return scopes;
}

/** Throws Apps Script's permission error when the manifest grants none of the method's scopes. */
export function checkScopes(ctx: Execution, cls: string, method: string): void {
  const required = requiredScopes(cls, method);
  if (!required) {
    throw ctx.exception(
      `Workbench: ${cls}.${method} has no entry in the scope table (src/workbench/services/scopes.ts)`,
    );
  }
  if (!required.length) return;
  const granted = grantedScopes(ctx.distDir);
  if (!granted || required.some((s) => granted.has(s))) return;
  const list = required.length === 1 ? required[0] : `(${required.join(' || ')})`;
  throw ctx.exception(
    `Specified permissions are not sufficient to call ${cls}.${method}. Required permissions: ${list}`,
  );
}

// ---- the emulated surface, for the test that every emulated method is classified ----------

const registry = new Map<string, Set<string>>();
const noted = new Map<string, WeakSet<object>>();

/** Names wrap() exposes as methods: functions on the target and its prototypes, not "_x". */
function methodNames(target: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object) {
    for (const k of Object.getOwnPropertyNames(o)) {
      if (k === 'constructor' || k.startsWith('_') || k in Object.prototype) continue;
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d && typeof d.value === 'function') names.add(k);
    }
  }
  return [...names];
}

/** Called by wrap(): records the methods of every emulated object handed to a script. */
export function noteEmulated(cls: string, target: object): void {
  const proto = Object.getPrototypeOf(target) as object | null;
  if (proto && proto !== Object.prototype) {
    let protos = noted.get(cls);
    if (!protos) noted.set(cls, (protos = new WeakSet()));
    if (protos.has(proto)) return;
    protos.add(proto);
  }
  let set = registry.get(cls);
  if (!set) registry.set(cls, (set = new Set()));
  for (const m of methodNames(target)) set.add(m);
}

/** Class → methods of every emulated object created so far in this process. */
export function emulatedMethods(): ReadonlyMap<string, ReadonlySet<string>> {
  return registry;
}
