/**
 * Tells formatError which language each error of a request is shown in.
 * Apollo calls formatError with the error alone, after `didEncounterErrors`
 * saw the same error objects with the request's context, so the language
 * travels from one to the other on the error (MessageLanguages.mark).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { MessageLanguages } from '../http/messageLanguage';
import type { PonteContext } from './context';

export function messageLanguagePlugin(languages: MessageLanguages): ApolloServerPlugin<PonteContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          const language = contextValue.messageLanguage();
          for (const error of errors) languages.mark(error, language);
        },
      };
    },
  };
}
