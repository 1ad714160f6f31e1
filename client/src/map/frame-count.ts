// How many deck.gl layer updates every map on the page has made (diagnostics). Apart from the map controller so the
// page can read it without loading the map's code, which comes in its own chunk after the numbers.
let framesDrawn = 0;
export const mapFrameCount = (): number => framesDrawn;
export const countMapFrame = (): void => { framesDrawn++; };
