// Mirrors FastAPI's "Metadata and Docs URLs" (docs/en/docs/tutorial/metadata.md). The page's five
// apps are five exports here: the API's info (title, summary, Markdown description, version, terms
// of service, contact, license by URL or by SPDX identifier), tag descriptions in the order the
// docs show them, the document's own URL, and the docs pages' URLs (one moved, one turned off).
// Python's snake_case options are camelCase: `terms_of_service` is `termsOfService`,
// `license_info` is `license`, `openapi_tags` is `openapiTags`, `docs_url` is `docsUrl`.
import { createApp, type OpenApiTag } from 'zigmund';

const description = `
ChimichangApp API helps you do awesome stuff. 🚀

## Items

You can **read items**.

## Users

You will be able to:

* **Create users** (_not implemented_).
* **Read users** (_not implemented_).
`;

const chimichangInfo = {
  title: 'ChimichangApp',
  description,
  summary: "Deadpool's favorite app. Nuff said.",
  version: '0.0.1',
  termsOfService: 'http://example.com/terms/',
  contact: { name: 'Deadpoolio the Amazing', url: 'http://x-force.example.com/contact/', email: 'dp@x-force.example.com' },
};

/** The API's metadata, its license given by URL. */
export const app = createApp({ ...chimichangInfo, license: { name: 'Apache 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0.html' } });
app.get('/items/', () => [{ name: 'Katana' }], { summary: 'Read Items' });

/** The same, its license given by SPDX identifier (OpenAPI 3.1). */
export const appLicenseIdentifier = createApp({ ...chimichangInfo, license: { name: 'Apache 2.0', identifier: 'Apache-2.0' } });
appLicenseIdentifier.get('/items/', () => [{ name: 'Katana' }], { summary: 'Read Items' });

/** The document served at /api/v1/openapi.json (the docs pages follow it). */
export const appOpenapiUrl = createApp({ openapiUrl: '/api/v1/openapi.json' });
appOpenapiUrl.get('/items/', () => [{ name: 'Foo' }], { summary: 'Read Items' });

/** Swagger UI at /documentation, ReDoc turned off. */
export const appDocsUrls = createApp({ docsUrl: '/documentation', redocUrl: null });
appDocsUrls.get('/items/', () => [{ name: 'Foo' }], { summary: 'Read Items' });

const tagsMetadata: OpenApiTag[] = [
  { name: 'users', description: 'Operations with users. The **login** logic is also here.' },
  {
    name: 'items',
    description: 'Manage items. So _fancy_ they have their own docs.',
    externalDocs: { description: 'Items external docs', url: 'https://fastapi.tiangolo.com/' },
  },
];

/** Tag metadata: their order is the docs' order, not the alphabet's. */
export const appTags = createApp({ openapiTags: tagsMetadata });
appTags.get('/users/', () => [{ name: 'Harry' }, { name: 'Ron' }], { tags: ['users'], summary: 'Get Users' });
appTags.get('/items/', () => [{ name: 'wand' }, { name: 'flying broom' }], { tags: ['items'], summary: 'Get Items' });
