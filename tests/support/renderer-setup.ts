import { cleanup } from '@testing-library/react';
import { setI18n } from 'react-i18next';
import { afterEach } from 'vitest';
import { createI18n } from '../../renderer/src/i18n/i18n';

// Components translate through react-i18next; English unless a test provides another instance.
setI18n(createI18n('en'));

afterEach(() => {
  cleanup();
});
