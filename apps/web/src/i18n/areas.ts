// UI strings for areas (区划) and grids.
export const AREAS_STRINGS = {
  'menu.areas': { zh: '区划', en: 'Areas' },
  'level.province': { zh: '省', en: 'Province' },
  'level.city': { zh: '市', en: 'City' },
  'level.county': { zh: '区县', en: 'County' },
  'level.street': { zh: '街道/乡镇', en: 'Street / town' },
  'level.community': { zh: '社区/村', en: 'Community / village' },
  'level.grid': { zh: '网格', en: 'Grid' },
  'areas.detail': { zh: '区划详情', en: 'Area details' },
  'areas.pick': { zh: '在左侧选择一个区划', en: 'Select an area on the left' },
  'areas.addGrid': { zh: '新增网格', en: 'Add grid' },
  'areas.gridName': { zh: '网格名称', en: 'Grid name' },
  'areas.gridSuffix': { zh: '网格编号（3 位）', en: 'Grid number (3 digits)' },
  'areas.gridCreated': { zh: '网格已创建', en: 'Grid created' },
} as const;
