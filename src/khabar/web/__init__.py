"""Static assets of the web pages (HTML, JS, CSS), served by khabar.api."""
