// pulumi runs take seconds each; an e2e test is a sequence of them.
jest.setTimeout(300_000);
