// Building elements without HTML strings (nothing from the API is ever parsed as markup).

/** el('p', {class: 'x'}, 'text', child) */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** A labelled form field. */
export function field(label, attributes) {
  const id = `field-${attributes.name}`;
  return el('p', {class: 'field'}, el('label', {for: id}, label), el(attributes.tag || 'input', {id, ...attributes}));
}
