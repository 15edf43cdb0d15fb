"""The desk: a local web app over the archive to read the day's articles, review the draft with
the evidence behind each line, search, and publish (`macrodesk serve`)."""
