/**
 * Days off and make-up working days the government announces for one year. The table keeps the name
 * it had when the workflow plugin held the calendar, so existing databases keep their edits.
 */
export default {
  kind: 'collectionType',
  collectionName: 'wf_calendar_years',
  info: {
    singularName: 'calendar-year',
    pluralName: 'calendar-years',
    displayName: 'Lịch nghỉ hằng năm',
    description: 'Ngày nghỉ, ngày làm bù theo thông báo',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    year: { type: 'integer', required: true, unique: true, min: 2000, max: 2100 },
    tetFrom: { type: 'date' },
    tetTo: { type: 'date' },
    daysOff: { type: 'json' },
    workingDays: { type: 'json' },
    note: { type: 'text' },
  },
};
