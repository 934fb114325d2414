import bannedGoods from './banned-goods';
import complaints from './complaints';
import notifier from './notifier';
import reports from './reports';

export default { complaints, notifier, reports, 'banned-goods': bannedGoods };
