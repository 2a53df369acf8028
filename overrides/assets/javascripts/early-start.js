// @ts-check
// Loaded `async` from the <head> of the pages that need Python (overrides/main.html): starts the
// one worker as soon as this small module arrives, while the rest of the page still loads, so the
// runtime downloads and Python starts in parallel with the theme. The page scripts bind later and
// find it already starting (python.start() is idempotent).
import { python } from "./python-client.js";

python.start();
