// happy-dom has no ScreenOrientation, which Quasar's Screen plugin reads when it installs.
if (!window.screen.orientation) {
  const orientation = new EventTarget() as EventTarget & { type: string; angle: number };
  orientation.type = 'landscape-primary';
  orientation.angle = 0;
  Object.defineProperty(window.screen, 'orientation', { value: orientation, configurable: true });
}
