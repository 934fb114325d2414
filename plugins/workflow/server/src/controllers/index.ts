import admin from './admin';
import submissions from './submissions';

export default { admin, submissions };
