"""Small helpers every stage shares: decoding Chinese text, dates, atomic files, similarity
measures, retries. Nothing here imports a pipeline stage."""
