// Unit and integration tests; the long fault suite has its own config (jest.faults.config.js).
export default {
  preset: 'ts-jest',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/__tests__/faults/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', useESM: true }] },
  transformIgnorePatterns: ['node_modules/(?!(@actions)/)'],
  clearMocks: true,
  testTimeout: 60000,
  maxWorkers: 2
}
