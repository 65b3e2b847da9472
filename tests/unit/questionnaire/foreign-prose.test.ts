import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// Prose in another language than the change's English meets the change only where a word is spelt
// alike: its other words are unjudged, as CJK prose is, not words about something else
// (connect-to-change.ts: isInAnotherLanguage). chartjs/Chart.js 72f423fb95 "Fix tooltip position
// when datasets have different x-coordinates": its body, translated by hand, keeps `'label'` and
// `'dataset'` and the word tooltip, and was refused in Spanish and Portuguese as saying little.

const patch = [
  'diff --git a/src/core/core.tooltip.js b/src/core/core.tooltip.js',
  '--- a/src/core/core.tooltip.js',
  '+++ b/src/core/core.tooltip.js',
  '@@ -120,2 +120,4 @@ module.exports = function(Chart) {',
  '-\t\t\tx += xPositions[i];',
  '-\t\t\ty += yPositions[i];',
  '+\t\t\tif (xPositions[ i ]) {',
  '+\t\t\t\tx += xPositions[i];',
  '+\t\t\t\ty += yPositions[i];',
  '+\t\t\t}',
  '',
].join('\n');
const rules = intentRulesFor(patch, ['src/core/core.tooltip.js'], new Set(['label', 'dataset']));

describe('an explanation in another Latin-script language', () => {
  test('its translations keep what connects them: accepted', () => {
    expect(
      validateAnswer(
        "Cuando se muestran dos conjuntos de datos que no tienen las mismas coordenadas x, la posición del tooltip no se calcula bien con el modo 'label' o 'dataset'. Esta corrección comprueba que la posición de cada dataset existe antes de usarla.",
        rules,
      ),
    ).toBeNull();
    expect(
      validateAnswer(
        "Quando dois conjuntos de dados são exibidos e não têm as mesmas coordenadas x, a posição do tooltip não é calculada corretamente no modo 'label' ou 'dataset'. Esta correção verifica se a posição de cada dataset existe antes de usá-la.",
        rules,
      ),
    ).toBeNull();
  });

  test.each([
    'Se corrigió un error en la función para que funcione correctamente como se esperaba.',
    'Se mejoró la lógica existente para que el código sea más limpio, robusto y fácil de mantener.',
    "L'implémentation a été améliorée pour rendre le code plus clair et plus facile à maintenir.",
    'El complemento de relleno ahora dibuja los rellenos entre dos conjuntos de datos cuando se indica un índice de conjunto.',
  ])('filler, even spelt like generic English words, and another change told in that language are refused: %s', (text) => {
    expect(validateAnswer(text, rules)).toMatch(/connects to nothing|says little|would fit any change/);
  });

  // jest dc7f3a9162 (a snapshot test suite: `INCORRECT_VALUE`, 'loads and saves file correctly',
  // existing snapshots): "correctamente", "existente", "correctement", "existante" share a stem with
  // words of its lines, and those words are generic English ones: filler, not a cognate of the change.
  const jestPatch = readFileSync(new URL('../../fixtures/answers/names/jest-dc7f3a9162.diff', import.meta.url), 'utf8');
  const jestRules = intentRulesFor(jestPatch, [
    ...new Set([...jestPatch.matchAll(/^diff --git a\/(\S+) b\/(\S+)$/gm)].flatMap((m) => [m[1]!, m[2]!])),
  ]);
  test.each([
    'Se corrigió un error en la función para que funcione correctamente como se esperaba.',
    'Se mejoró la lógica existente para que el código sea más limpio, robusto y fácil de mantener.',
    'La logique existante a été corrigée pour fonctionner correctement et de façon robuste comme prévu.',
  ])('filler whose words are spelt as generic words the change holds is refused: %s', (text) => {
    expect(validateAnswer(text, jestRules)).toMatch(/connects to nothing/);
  });
});
