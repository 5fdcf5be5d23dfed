// The shared test fixtures (synthetic corpus, temp folder, shared-data locator) are visible to every test file.
global using SuddenDrops.Tests.Fixtures;
