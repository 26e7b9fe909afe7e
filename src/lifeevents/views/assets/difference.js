(function () {
  var inputs = document.querySelectorAll('input[name="view"]');
  function show() {
    var chosen = document.querySelector('input[name="view"]:checked').value;
    document.querySelectorAll('section.map').forEach(function (section) {
      section.classList.toggle('shown', section.dataset.view === chosen);
    });
  }
  inputs.forEach(function (input) { input.addEventListener('change', show); });
  show();
})();
