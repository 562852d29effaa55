/**
 * The scope table: for every emulated Apps Script method, the scopes its reference page lists
 * under "Authorization" (any one of them grants the call; none listed: no scope needed), grouped
 * per class with the page and how the workbench knows (status). Used by ./scopes.ts; see
 * docs/FIDELITY.md "Scopes".
 */

const AUTH = 'https://www.googleapis.com/auth/';
export const SPREADSHEETS_CURRENTONLY = `${AUTH}spreadsheets.currentonly`;
export const SPREADSHEETS = `${AUTH}spreadsheets`;
export const CONTAINER_UI = `${AUTH}script.container.ui`;
export const USERINFO_EMAIL = `${AUTH}userinfo.email`;

export type Scopes = readonly string[];
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
      {
        scopes: SHEETS,
        status: 'assumed',
        methods: 'getUi newConditionalFormatRule newDataValidation newTextStyle',
      },
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
      'getNumRows getNumberFormat getNumberFormats getRow getRowIndex getSheet getTextStyle getTextStyles ' +
      'getValue getValues ' +
      'getVerticalAlignment getVerticalAlignments getWidth getWrap getWrapStrategies getWrapStrategy ' +
      'getWraps insertCheckboxes isBlank isPartOfMerge merge mergeAcross mergeVertically offset protect ' +
      'setBackground setBackgroundRGB setBackgrounds setBorder setDataValidation setDataValidations ' +
      'setFontColor setFontColors setFontFamilies setFontFamily setFontLine setFontLines setFontSize ' +
      'setFontSizes setFontStyle setFontStyles setFontWeight setFontWeights setFormula setFormulas ' +
      'setHorizontalAlignment setHorizontalAlignments setNote setNotes setNumberFormat setNumberFormats ' +
      'setTextRotation setTextStyle setTextStyles setValue setValues setVerticalAlignment ' +
      'setVerticalAlignments setWrap setWrapStrategies setWrapStrategy setWraps',
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
  TextStyleBuilder: sheets(
    'spreadsheet/text-style-builder',
    'assumed',
    'build setBold setFontFamily setFontSize setForegroundColor setItalic setStrikethrough setUnderline',
  ),
  TextStyle: sheets(
    'spreadsheet/text-style',
    'assumed',
    'copy getFontFamily getFontSize getForegroundColor isBold isItalic isStrikethrough isUnderline',
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
