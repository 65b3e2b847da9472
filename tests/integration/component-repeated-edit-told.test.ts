import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// eclipsesource/jsonforms e3d804db32 moves Vuetify's tooltips from `<v-tooltip bottom>` to
// `<v-tooltip location="bottom">` in every panel of a Vue settings page: the page (its default
// export) was asked "changed its implementation" and nothing more.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const row = (tooltip: string, setting: string) => `      <v-row>
        <v-col>
          ${tooltip}
            <template v-slot:activator="{ props }">
              <v-switch v-model="store.${setting}" label="${setting}" v-bind="props"></v-switch>
            </template>
            Toggles ${setting}
          </v-tooltip>
        </v-col>
      </v-row>
`;
const settings = (tooltip: string, extra = '') => `<script setup lang="ts">
import { useStore } from './store';

const store = useStore();
</script>

<template>
  <v-container>
${['readonly', 'restrict', 'collapseNewItems'].map((s) => row(tooltip, s)).join('')}${extra}  </v-container>
</template>
`;
const store = `export const useStore = () => ({ readonly: false, restrict: false, collapseNewItems: false, dense: false });
`;
const app = `import Settings from './Settings.vue';

export const panels = [Settings];
`;

test('one edit made in every hunk of a component is quoted, with how many times', () => {
  repo = createTempRepo({ 'src/Settings.vue': settings('<v-tooltip bottom>'), 'src/store.ts': store, 'src/app.ts': app });
  repo.stage({ 'src/Settings.vue': settings('<v-tooltip location="bottom">') });
  expect(messageOf(listQuestions(repo), 'impact:src/Settings.vue#Settings')).toMatch(
    /changed its implementation \(`<v-tooltip bottom>` → `<v-tooltip location="bottom">`, 3 times\); 1 file uses it/,
  );
});

test('one edit made in most hunks is told beside the others', () => {
  repo = createTempRepo({ 'src/Settings.vue': settings('<v-tooltip bottom>'), 'src/store.ts': store, 'src/app.ts': app });
  repo.stage({ 'src/Settings.vue': settings('<v-tooltip location="bottom">', row('<v-tooltip location="bottom">', 'dense')) });
  expect(messageOf(listQuestions(repo), 'impact:src/Settings.vue#Settings')).toMatch(
    /\(`<v-tooltip bottom>` → `<v-tooltip location="bottom">`, 3 times beside 1 other edit\)/,
  );
});
