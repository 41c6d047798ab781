// Jest setup for the e2e suite: createTestApp (libs/testing, which imports no app) boots the API.
import { useTestAppTarget } from '@tel/testing';
import { API_TEST_TARGET } from '../apps/api/src/testing/api-test-target';

useTestAppTarget(API_TEST_TARGET);
