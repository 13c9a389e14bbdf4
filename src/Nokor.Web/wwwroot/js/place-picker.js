// Place picker (Components/Shared/PlacePicker.razor): province → district → commune → village.
// The server renders the selects; when one changes, this fills the next one from the gazetteer
// API and keeps the hidden input holding the deepest chosen code. Event delegation, so pickers
// added later (enhanced navigation) work without re-running this script.
(() => {
  if (window.nokorPlacePicker) {
    return;
  }
  window.nokorPlacePicker = true;

  const chooseText = (picker) => (picker.dataset.lang === 'km' ? '— ជ្រើសរើស —' : '— choose —');

  // Same rule as PlacePicker.UnitLabel: districts and communes show their type (Krong, Srok, ...).
  const labelOf = (unit, khmer) => {
    const withType = (unit.level === 'District' || unit.level === 'Commune');
    if (khmer) {
      return withType && unit.typeKm && !unit.nameKm.startsWith(unit.typeKm) ? unit.typeKm + unit.nameKm : unit.nameKm;
    }
    const name = unit.nameLatin || unit.nameKm;
    return withType && unit.typeLatin ? `${name} (${unit.typeLatin})` : name;
  };

  const levelOf = (select) => Number(select.dataset.placeLevel);

  const reset = (picker, select) => {
    select.replaceChildren(new Option(chooseText(picker), ''));
    select.disabled = true;
    select.required = false;
  };

  const fill = (picker, select, units) => {
    const khmer = picker.dataset.lang === 'km';
    const options = [new Option(chooseText(picker), '')];
    for (const unit of units) {
      options.push(new Option(labelOf(unit, khmer), unit.code));
    }
    select.replaceChildren(...options);
    select.disabled = units.length === 0;
    select.required = picker.dataset.optional !== 'true' && units.length > 0;
  };

  const updateValue = (picker, selects) => {
    const hidden = picker.querySelector('[data-place-value]');
    if (!hidden) {
      return;
    }
    const chosen = selects.filter((s) => !s.disabled && s.value).pop();
    hidden.value = chosen ? chosen.value : '';
    hidden.dispatchEvent(new Event('change', { bubbles: true }));
  };

  document.addEventListener('change', async (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.matches('select[data-place-level]')) {
      return;
    }
    const picker = select.closest('[data-place-picker]');
    if (!picker) {
      return;
    }

    const level = levelOf(select);
    const selects = [...picker.querySelectorAll('select[data-place-level]')];
    for (const deeper of selects.filter((s) => levelOf(s) > level)) {
      reset(picker, deeper);
    }
    updateValue(picker, selects);

    const next = selects.find((s) => levelOf(s) === level + 1);
    if (!select.value || !next || level >= Number(picker.dataset.level)) {
      return;
    }

    const request = Symbol('request');
    picker.placePickerRequest = request;
    next.setAttribute('aria-busy', 'true');
    try {
      const api = picker.dataset.api || '/api/gazetteer';
      const response = await fetch(`${api}/units/${encodeURIComponent(select.value)}/children`, {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) {
        throw new Error(`gazetteer lookup failed: ${response.status}`);
      }
      const units = await response.json();
      if (picker.placePickerRequest === request) {
        fill(picker, next, units);
      }
    } catch (error) {
      console.error(error);
      reset(picker, next);
    } finally {
      next.removeAttribute('aria-busy');
    }
  });
})();
