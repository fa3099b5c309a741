// The admin router (the page's app/internal/admin.py). In the page this router is shared with
// other projects and left unchanged: the app adds the /admin prefix, the admin tag, the X-Token
// dependency and the 418 response when it includes it (see ../../bigger-applications.ts).
import { createRouter } from 'zigmund';

export const router = createRouter();

router.post('/', async () => ({ message: 'Admin getting schwifty' }), { summary: 'Update Admin' });
