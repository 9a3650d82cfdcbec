// <tezuo-signature-pad>: a canvas to sign on with a finger, pen or mouse, with buttons that undo the last
// stroke and clear it. Plain JavaScript without a build step, loaded by SignaturePad.java from context://js/.
// Events: "signature-change" with detail.dataUrl (a PNG data URL) after each stroke or undo, "signature-clear"
// when the pad becomes empty. Attributes: clear-label and undo-label (button captions), readonly.
class TezuoSignaturePad extends HTMLElement {
  static get observedAttributes() {
    return ['clear-label', 'undo-label', 'readonly'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `
      <style>
        :host { display: block; width: 100%; max-width: 36em; }
        canvas { display: block; width: 100%; height: 10em; touch-action: none; cursor: crosshair;
                 background: var(--lumo-base-color, #fff); border: 1px dashed var(--lumo-contrast-50pct, #888);
                 border-radius: var(--lumo-border-radius-m, 4px); box-sizing: border-box; }
        :host([readonly]) canvas { cursor: default; border-style: solid; }
        button { margin-top: 0.25em; margin-right: 0.5em; font: inherit; padding: 0.25em 0.75em; }
        :host([readonly]) button { display: none; }
      </style>
      <canvas part="canvas"></canvas>
      <button type="button" part="undo" class="undo"></button><button type="button" part="clear" class="clear"></button>`;
    this._canvas = root.querySelector('canvas');
    this._button = root.querySelector('button.clear');
    this._button.textContent = this.getAttribute('clear-label') || 'Clear';
    this._button.addEventListener('click', () => this.clear());
    this._undoButton = root.querySelector('button.undo');
    this._undoButton.textContent = this.getAttribute('undo-label') || 'Undo';
    this._undoButton.addEventListener('click', () => this.undo());
    this._drawing = false;
    this._empty = true;
    // Every finished stroke as a list of points in CSS pixels, so undo can redraw the ones that remain.
    this._strokes = [];
    this._stroke = null;
    this._canvas.addEventListener('pointerdown', (event) => this._start(event));
    this._canvas.addEventListener('pointermove', (event) => this._move(event));
    this._canvas.addEventListener('pointerup', (event) => this._end(event));
    this._canvas.addEventListener('pointercancel', (event) => this._end(event));
  }

  connectedCallback() {
    this._resize();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'clear-label' && this._button) {
      this._button.textContent = newValue || 'Clear';
    }
    if (name === 'undo-label' && this._undoButton) {
      this._undoButton.textContent = newValue || 'Undo';
    }
  }

  /** Returns whether nothing has been drawn since the pad was created or cleared. */
  get empty() {
    return this._empty;
  }

  /** Returns the drawing as a PNG data URL, or null when the pad is empty. */
  toDataUrl() {
    return this._empty ? null : this._canvas.toDataURL('image/png');
  }

  clear() {
    const context = this._canvas.getContext('2d');
    context.clearRect(0, 0, this._canvas.width, this._canvas.height);
    this._strokes = [];
    this._empty = true;
    this.dispatchEvent(new CustomEvent('signature-clear', { bubbles: true }));
  }

  /** Removes the last stroke; the pad reports the remaining drawing, or that it is empty. */
  undo() {
    if (this._strokes.length === 0) {
      return;
    }
    this._strokes.pop();
    if (this._strokes.length === 0) {
      this.clear();
      return;
    }
    const context = this._canvas.getContext('2d');
    context.clearRect(0, 0, this._canvas.width, this._canvas.height);
    for (const stroke of this._strokes) {
      this._draw(context, stroke);
    }
    this._changed();
  }

  _draw(context, stroke) {
    context.beginPath();
    context.moveTo(stroke[0].x, stroke[0].y);
    context.lineTo(stroke[0].x + 0.1, stroke[0].y + 0.1);
    for (const point of stroke.slice(1)) {
      context.lineTo(point.x, point.y);
    }
    context.stroke();
  }

  _changed() {
    this.dispatchEvent(new CustomEvent('signature-change', {
      bubbles: true,
      detail: { dataUrl: this._canvas.toDataURL('image/png') }
    }));
  }

  // Sizes the bitmap to the displayed size times the device pixel ratio, so strokes stay sharp on phones.
  _resize() {
    const ratio = window.devicePixelRatio || 1;
    const width = this._canvas.clientWidth || 300;
    const height = this._canvas.clientHeight || 160;
    this._canvas.width = Math.round(width * ratio);
    this._canvas.height = Math.round(height * ratio);
    const context = this._canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#000';
    this._strokes = [];
    this._empty = true;
  }

  _point(event) {
    const box = this._canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  _start(event) {
    if (this.hasAttribute('readonly')) {
      return;
    }
    if (this._canvas.width === 0 || this._canvas.clientWidth * (window.devicePixelRatio || 1) !== this._canvas.width) {
      if (this._empty) {
        this._resize();
      }
    }
    event.preventDefault();
    this._canvas.setPointerCapture(event.pointerId);
    this._drawing = true;
    const point = this._point(event);
    this._stroke = [point];
    const context = this._canvas.getContext('2d');
    context.beginPath();
    context.moveTo(point.x, point.y);
    // A tap without movement still leaves a dot.
    context.lineTo(point.x + 0.1, point.y + 0.1);
    context.stroke();
  }

  _move(event) {
    if (!this._drawing) {
      return;
    }
    event.preventDefault();
    const point = this._point(event);
    this._stroke.push(point);
    const context = this._canvas.getContext('2d');
    context.lineTo(point.x, point.y);
    context.stroke();
  }

  _end(event) {
    if (!this._drawing) {
      return;
    }
    this._drawing = false;
    this._empty = false;
    this._strokes.push(this._stroke);
    this._stroke = null;
    this._changed();
  }
}

if (!customElements.get('tezuo-signature-pad')) {
  customElements.define('tezuo-signature-pad', TezuoSignaturePad);
}
