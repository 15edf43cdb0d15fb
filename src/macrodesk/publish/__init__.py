"""Publishing: a post into a Jekyll site (`jekyll`), a standalone HTML page (`html`), delivery
to mail and chat channels (`deliver`), and reading a post file (`postfile`)."""
