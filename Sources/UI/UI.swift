// UI state machine
