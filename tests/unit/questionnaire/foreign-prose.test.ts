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

  test('filler in that language still connects to nothing, even spelt like generic English words', () => {
    for (const filler of [
      'Se corrigió un error en la función para que funcione correctamente como se esperaba.',
      'Se mejoró la lógica existente para que el código sea más limpio, robusto y fácil de mantener.',
      "L'implémentation a été améliorée pour rendre le code plus clair et plus facile à maintenir.",
    ])
      expect(validateAnswer(filler, rules)).not.toBeNull();
  });

  test('another change told in that language is refused', () => {
    expect(
      validateAnswer(
        'El complemento de relleno ahora dibuja los rellenos entre dos conjuntos de datos cuando se indica un índice de conjunto.',
        rules,
      ),
    ).not.toBeNull();
  });
});
