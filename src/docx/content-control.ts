// Content controls (ECMA-376 Part 1, §17.5.2 structured document tags), which the docx library does not
// write: a run-level `w:sdt` that sits in a paragraph (§17.5.2.31, CT_SdtRun; the writer needs no
// block-level one, see ./paragraphs). `w:sdtPr` children go in the schema's sequence
// (CT_SdtPr): rPr, alias, tag, id, lock, placeholder, temporary, showingPlcHdr, dataBinding, label,
// tabIndex, then the type choice (text, richText …); `w:sdtContent` follows.
//
// Figures are plain-text controls (`w:text`): alias (the title Word shows), tag (what they show, for the
// refresh), a w:id unique in the document, and the figure's run as the content.
//
// Prompts are rich-text controls with `w:showingPlcHdr` and the prompt text as the content, in Word's own
// "Placeholder Text" style (grey). §17.5.2.39: with showingPlcHdr, the content "shall instead be
// interpreted as the placeholder text", so a click selects it whole and typing replaces it; the typed text
// takes the control's own `w:rPr` (§17.5.2.27), left empty so that it is plain body text. The control
// stays (no w:temporary): a prompt not yet answered is one still showing its placeholder. Not chosen: a
// `w:placeholder` pointing at a docPart, which needs a glossary document part (word/glossary/document.xml
// with its own styles, settings and font table) for each prompt. The price: should the user empty a
// control again, Word may show its generic placeholder instead of our prompt (not verified: no Word runs
// where this was written; LibreOffice shows the content as placeholder text, as the spec says).
import { EmptyElement, StringValueElement, XmlComponent, type ParagraphChild } from 'docx';

/** The kind of control: a linked figure, or a prompt showing its placeholder text. */
export type ControlKind = 'figure' | 'prompt';

export interface ControlProperties {
  readonly kind: ControlKind;
  /** w:alias: the title Word shows on the control. */
  readonly alias: string;
  /** w:tag: `nianbao:<cell key>`, `nianbao:sum:<name>`, `nianbao:prompt:<id>`. */
  readonly tag: string;
  /** w:id: unique in the document (ST_DecimalNumber; Word uses signed 32-bit values). */
  readonly id: number;
}

/** The largest w:id Word itself writes: a signed 32-bit integer. */
export const MAX_CONTROL_ID = 0x7fffffff;

/** `w:sdtPr` with its children in the order of CT_SdtPr. */
class ControlPropertiesElement extends XmlComponent {
  constructor(props: ControlProperties) {
    super('w:sdtPr');
    if (!Number.isInteger(props.id) || props.id < 1 || props.id > MAX_CONTROL_ID) {
      throw new RangeError(`content control id out of range: ${props.id}`);
    }
    // §17.5.2.27: the run properties of text typed over the placeholder. Empty: the paragraph's own
    // style, so the agency's words come out as body text, not in the grey of the prompt.
    if (props.kind === 'prompt') this.root.push(new EmptyElement('w:rPr'));
    this.root.push(new StringValueElement('w:alias', props.alias));
    this.root.push(new StringValueElement('w:tag', props.tag));
    this.root.push(new StringValueElement('w:id', String(props.id)));
    if (props.kind === 'prompt') this.root.push(new EmptyElement('w:showingPlcHdr'));
    // A figure is one number: a plain-text control, which Word.ContentControl.insertText replaces whole.
    // A prompt is the agency's own prose: rich text, the default when no type is given.
    if (props.kind === 'figure') this.root.push(new EmptyElement('w:text'));
  }
}

/** `w:sdtContent` holding the control's runs. */
class ControlContentElement extends XmlComponent {
  constructor(children: readonly XmlComponent[]) {
    super('w:sdtContent');
    for (const child of children) this.root.push(child);
  }
}

/** A run-level content control: goes among a paragraph's runs. */
export class RunContentControl extends XmlComponent {
  constructor(props: ControlProperties, runs: readonly XmlComponent[]) {
    super('w:sdt');
    this.root.push(new ControlPropertiesElement(props));
    this.root.push(new ControlContentElement(runs));
  }

  /**
   * As a paragraph child. The library types a paragraph's children as a closed union of its own
   * classes; any XmlComponent is written the same way (Paragraph pushes it to its root unchanged).
   */
  asParagraphChild(): ParagraphChild {
    return this as unknown as ParagraphChild;
  }
}

/** Hands out w:id values, unique within one document. */
export class ControlIds {
  private next = 1;

  take(): number {
    if (this.next > MAX_CONTROL_ID) throw new RangeError('too many content controls in one document');
    return this.next++;
  }
}
