import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { configDefaults } from 'vitest/config';
import { filesWithoutTheirData } from './tests/real/absent';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    exclude: [...configDefaults.exclude, ...filesWithoutTheirData()],
    environment: 'happy-dom',
    restoreMocks: true,
  },
});
