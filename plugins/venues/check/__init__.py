"""Read and check venue files: every problem with its file, line and fix."""
