import { main } from './main.js';

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
