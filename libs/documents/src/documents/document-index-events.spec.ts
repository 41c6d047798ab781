import { Test } from '@nestjs/testing';
import { DocumentsModule } from '../documents.module';
import { DocumentIndexEvents, DocumentIndexEventsRequired } from './document-index-events';

// Forgetting DocumentSearchModule used to mean that uploads were silently never indexed.
describe('DocumentIndexEventsRequired', () => {
  it('is one of DocumentsModule’s providers', () => {
    expect(Reflect.getMetadata('providers', DocumentsModule)).toContain(DocumentIndexEventsRequired);
  });

  it('refuses to start without a DocumentIndexEvents provider, naming DocumentSearchModule', async () => {
    await expect(Test.createTestingModule({ providers: [DocumentIndexEventsRequired] }).compile()).rejects.toThrow(
      /DocumentsModule needs a DocumentIndexEvents provider: import DocumentSearchModule/,
    );
  });

  it('starts when one is provided', async () => {
    const events: DocumentIndexEvents = { fileAdded: () => Promise.resolve(), documentChanged: () => Promise.resolve() };
    const app = await Test.createTestingModule({ providers: [DocumentIndexEventsRequired, { provide: DocumentIndexEvents, useValue: events }] }).compile();
    expect(app.get(DocumentIndexEventsRequired)).toBeInstanceOf(DocumentIndexEventsRequired);
    await app.close();
  });
});
