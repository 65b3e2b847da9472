import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// A name written as code whose words, in order, stand in a row on the change's lines is this
// change's name in another case (name-pieces.ts: isWrittenInRow), not a name found nowhere:
// sequelize/sequelize 9591573944 adds the `"pg-connection-string"` dependency, and its own
// explanation writes `pg_connection_string` (docs/questionnaire.md, "A twelfth corpus").

/** sequelize 9591573944 "feat(postgresql): easier SSL config and options param support" (27 lines). */
const patch = readFileSync(new URL('../../fixtures/answers/names/sequelize-9591573944.diff', import.meta.url), 'utf8');
const paths = [
  'lib/dialects/postgres/connection-manager.js',
  'lib/sequelize.js',
  'package.json',
  'test/integration/dialects/postgres/connection-manager.test.js',
  'test/integration/sequelize.test.js',
];
/** The tree's names the answers use besides the change's own (none of `pg_connection_string`'s spellings). */
const rules = intentRulesFor(patch, paths, new Set(['postgresql', 'ssl']));

const body =
  'This commit uses the pg_connection_string package to parse the\nconnection string if the dialect is postgresql. This is helpful because\nit automatically handles reading SSL certs that are specified in the\nconnection string.\n\nAs part of this, support was added for the `options` URL parameter,\nwhich allows arbitrary session variables to be configured in the\nconnection string.';
const spanish =
  'Este cambio usa el paquete pg_connection_string para analizar la cadena de conexión cuando el dialecto es postgresql. Así se leen automáticamente los certificados SSL indicados en la cadena de conexión. Además se admite el parámetro de URL `options`, que permite configurar variables de sesión arbitrarias en la cadena de conexión.';

describe('a name of the change written in another case', () => {
  test('its own explanation, and its translation, are accepted', () => {
    expect(validateAnswer(body, rules)).toBeNull();
    expect(validateAnswer(spanish, rules)).toBeNull();
  });

  test('a name whose words the change has, but not in a row, is still refused by name', () => {
    expect(validateAnswer(body.replace('pg_connection_string', 'pg_string_connection'), rules)).toMatch(
      /pg_string_connection.*not in this repository/,
    );
    expect(validateAnswer(body.replace('pg_connection_string', '`pgSessionParser`'), rules)).toMatch(
      /pgSessionParser.*not in this repository/,
    );
  });

  test("another product's name is still refused by name", () => {
    expect(validateAnswer(body.replace('pg_connection_string', 'pg_query_stream'), rules)).toMatch(
      /pg_query_stream.*not in this repository/,
    );
    expect(validateAnswer('The `useQuery` hook now passes `connectionString` to the pool.', rules)).toMatch(
      /useQuery.*not in this repository/,
    );
  });
});
