import { buildPrebuiltDatabase } from './build-db';

const { path, built } = await buildPrebuiltDatabase();
console.log(built ? `wrote ${path}` : `${path} is up to date`);
