// The fault suite: kills, hostile input at scale, unwritable state. Slow; run with `npm run test:faults`.
import base from './jest.config.js'
export default { ...base, testMatch: ['**/__tests__/faults/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/'], maxWorkers: 1, testTimeout: 300000 }
