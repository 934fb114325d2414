export default {
  config: {
    locales: ['vi'],
    translations: {
      vi: {
        'app.components.LeftMenu.navbrand.title': 'Sàn giao dịch điện tử',
        'app.components.LeftMenu.navbrand.workplace': 'Quản trị',
        'Auth.form.welcome.title': 'Sàn giao dịch điện tử',
        'Auth.form.welcome.subtitle': 'Đăng nhập tài khoản quản trị',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap() {},
};
