/**
 * GET /files/{id}?c=&e=&s=: streams a document file for a valid signed link.
 * Expired, altered and foreign links all get the same 403, and so does a
 * file whose document no longer belongs to the customer the link names.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileLinks } from '../documents/fileLinks';
import type { ErpPort } from '../erp/port';
import { fileLinkRefused } from '../errors';
import { sendError } from './errorReply';

export interface ServeFileDeps {
  erp: ErpPort;
  links: FileLinks;
  now: () => Date;
}

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 original. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function serveFile(
  request: FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string> }>,
  reply: FastifyReply,
  deps: ServeFileDeps,
): Promise<FastifyReply> {
  const fileId = request.params.id;
  const customerCode = deps.links.verify(fileId, request.query, deps.now());
  if (customerCode === null) return sendError(reply, fileLinkRefused());
  // An ERP failure goes to the app's error handler: ERP_UNAVAILABLE or ERP_TIMEOUT, like anywhere else.
  const file = await deps.erp.documentFileContent(fileId);
  if (!file || file.customerCode !== customerCode) return sendError(reply, fileLinkRefused());
  return reply
    .header('content-type', file.contentType || 'application/octet-stream')
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
