"""The LLM engine, by concern: `client` (an OpenAI-compatible endpoint: settings, retries, cache,
usage), `material` (what the model is given), `answer` (its schema and the checks that hold it to
the material) and `engine` (the post assembled from a checked answer, the embedded engine filling
what the model got wrong)."""
